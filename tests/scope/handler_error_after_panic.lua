-- A fiber dies with an error and then its handler fails: the panic is
-- reported first, then the VM is terminated.
spawn(function()
    scope_cleanup_push(function() error('handler failed', 0) end)
    error('first', 0)
end):detach()
this_fiber.yield()
print('not reached')
