-- A fiber canceled before it starts runs until its first cancellation
-- point; with none, it finishes normally.
local f = spawn(function()
    local s = 0
    for i = 1, 10 do s = s + i end
    return s
end)
f:cancel()
print(f:join())
print(f.cancellation_caught)
