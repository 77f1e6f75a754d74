-- scope_cleanup_pop() runs the handler now, and it does not run again
-- when the scope exits.
scope(function()
    scope_cleanup_push(function() print('kept handler') end)
    scope_cleanup_push(function() print('popped handler') end)
    scope_cleanup_pop()
    print('after pop')
end)
