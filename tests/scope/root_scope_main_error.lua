-- The main fiber's panic is reported before its root handlers run.
scope_cleanup_push(function() print('main root handler') end)
error('main died', 0)
