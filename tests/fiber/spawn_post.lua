-- spawn() posts: the caller keeps running until it suspends.
local f = spawn(function() print('child') end)
print('after spawn')
print('still main')
this_fiber.yield()
print('after yield')
f:join()
