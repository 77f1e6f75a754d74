-- A fiber's root scope handlers run when its function returns, before a
-- joiner gets the results.
local f = spawn(function()
    scope_cleanup_push(function() print('root handler 1') end)
    scope_cleanup_push(function() print('root handler 2') end)
    print('body')
    return 'result'
end)
print(f:join())
