scope_cleanup_push(function() error('popped handler failed', 0) end)
scope_cleanup_pop()
print('not reached')
