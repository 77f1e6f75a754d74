-- yield() is a suspension too.
local f = spawn(function() print('child') end)
this_fiber.forbid_suspend()
print(pcall(this_fiber.yield))
print('no switch happened')
this_fiber.allow_suspend()
this_fiber.yield()
print('after yield')
f:join()
