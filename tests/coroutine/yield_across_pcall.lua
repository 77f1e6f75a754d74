-- coroutine.yield() works across the pcall shim; the pcall's handlers run
-- when it exits, after the coroutine was resumed again.
local co = coroutine.create(function()
    print(pcall(function()
        scope_cleanup_push(function() print('pcall handler') end)
        local v = coroutine.yield('from inside pcall')
        return 'pcall got ' .. v
    end))
    return 'body end'
end)
print(coroutine.resume(co))
print('between')
print(coroutine.resume(co, 'v'))
