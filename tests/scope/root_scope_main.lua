scope_cleanup_push(function() print('main root handler') end)
print('main body end')
