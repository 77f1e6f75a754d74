-- The handle is dropped; collecting it detaches the fiber, and the
-- pending uncaught error is reported at that moment.
spawn(function() error('x') end)
this_fiber.yield()
print('before collect')
collectgarbage()
collectgarbage()
print('after collect')
