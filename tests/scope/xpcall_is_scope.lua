-- xpcall() passes extra args to f, calls the message handler at the error
-- (before unwinding), then runs the scope's cleanup handlers.
print(xpcall(function(a, b)
    scope_cleanup_push(function() print('cleanup') end)
    print('f got', a, b)
    error('bad', 0)
end, function(m)
    print('message handler got', m)
    return 'handled: ' .. m
end, 'arg1', 'arg2'))
print(xpcall(function(...) return select('#', ...), ... end, print, 1, nil, 3))
