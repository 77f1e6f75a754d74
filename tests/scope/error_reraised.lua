-- An error inside scope() is re-raised after the handlers ran.
print(pcall(scope, function()
    scope_cleanup_push(function() print('handler') end)
    error('inner error', 0)
end))
