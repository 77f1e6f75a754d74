-- scope_cleanup_pop(false) drops the handler without running it.
scope(function()
    scope_cleanup_push(function() print('kept handler') end)
    scope_cleanup_push(function() print('never runs') end)
    scope_cleanup_pop(false)
    print('after pop')
end)
