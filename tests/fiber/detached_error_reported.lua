-- A detached fiber's error is reported as soon as it dies; the VM goes on.
spawn(function() error('oops', 0) end):detach()
print('before yield')
this_fiber.yield()
print('after yield')
