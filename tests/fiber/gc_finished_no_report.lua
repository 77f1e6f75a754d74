-- Collecting the handle of a fiber that ended well reports nothing.
spawn(function() return 'fine' end)
this_fiber.yield()
collectgarbage()
collectgarbage()
print('collected')
