-- A scope cannot pop its parent's handlers.
scope(function()
    scope_cleanup_push(function() print('outer handler') end)
    scope(function()
        print(pcall(scope_cleanup_pop))
    end)
    print('inner done')
end)
