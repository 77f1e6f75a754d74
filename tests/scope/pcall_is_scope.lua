-- pcall() is a scope: its handlers run at its exit, on success and error.
print(pcall(function()
    scope_cleanup_push(function() print('handler (ok)') end)
    return 'value'
end))
print(pcall(function()
    scope_cleanup_push(function() print('handler (error)') end)
    error('failed', 0)
end))
