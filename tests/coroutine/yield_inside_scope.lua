-- A scope opened in a coroutine stays open across coroutine.yield(); the
-- fiber's own scopes are not affected meanwhile.
local co = coroutine.create(function()
    scope(function()
        scope_cleanup_push(function() print('coroutine scope handler') end)
        coroutine.yield(1)
    end)
    return 2
end)
print(coroutine.resume(co))
scope(function()
    scope_cleanup_push(function() print('fiber scope handler') end)
end)
print(coroutine.resume(co))
