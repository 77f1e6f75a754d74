-- Handlers of a coroutine collected before its body ended never run.
local co = coroutine.create(function()
    scope_cleanup_push(function() print('never printed') end)
    coroutine.yield()
end)
coroutine.resume(co)
co = nil
collectgarbage()
collectgarbage()
print('collected')
