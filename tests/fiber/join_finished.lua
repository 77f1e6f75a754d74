-- Joining a fiber that has already finished returns at once.
local f = spawn(function() print('child') return 'r' end)
this_fiber.yield()
print('main')
print(f:join())
