print(xpcall(function() error('x') end, function(e) this_fiber.yield() return e end))
print('alive')
