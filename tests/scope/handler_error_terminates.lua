-- A cleanup handler that raises terminates the VM (exit 1).
scope(function()
    scope_cleanup_push(function() error('handler failed') end)
end)
print('not reached')
