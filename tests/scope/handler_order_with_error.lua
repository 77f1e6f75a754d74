-- Nested scopes unwinding from one error: inner handlers first, each
-- scope re-raising after its own handlers.
print(pcall(scope, function()
    scope_cleanup_push(function() print('outer handler') end)
    scope(function()
        scope_cleanup_push(function() print('inner handler') end)
        error('deep', 0)
    end)
    print('not reached')
end))
