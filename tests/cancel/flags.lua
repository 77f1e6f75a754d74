-- joinable and cancellation_caught before and after cancel and join.
-- cancellation_caught is known once joined (EINVAL before).
local function caught(f)
    local ok, v = pcall(function() return f.cancellation_caught end)
    if ok then return v end
    return tostring(v:togeneric())
end
local f = spawn(function() this_fiber.yield() end)
print(f.joinable, caught(f))
f:cancel()
print(f.joinable, caught(f))
f:join()
print(f.joinable, caught(f))
local g = spawn(function() end)
g:join()
print(g.joinable, caught(g))
