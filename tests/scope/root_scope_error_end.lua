-- When a fiber dies with an error, its root handlers run after the
-- uncaught error was reported.
spawn(function()
    scope_cleanup_push(function() print('root handler') end)
    error('died', 0)
end):detach()
this_fiber.yield()
print('main')
