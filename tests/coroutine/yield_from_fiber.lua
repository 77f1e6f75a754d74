-- A fiber cannot coroutine.yield() its own coroutine; the fiber goes on.
local ok, e = pcall(coroutine.yield, 'x')
print(ok, tostring(e), tostring(e.category))
local f = spawn(function()
    print(pcall(coroutine.yield))
    return 'child went on'
end)
print(f:join())
