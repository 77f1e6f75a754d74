-- A coroutine body has its own scope: its handlers run when the body
-- ends, before resume() returns, not when the fiber ends.
scope_cleanup_push(function() print('fiber root handler') end)
local co = coroutine.create(function()
    scope_cleanup_push(function() print('body handler') end)
    coroutine.yield('first')
    return 'last'
end)
print(coroutine.resume(co))
print('between resumes')
print(coroutine.resume(co))
print('main end')
