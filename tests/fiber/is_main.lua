print(this_fiber.is_main)
local f = spawn(function() print(this_fiber.is_main) end)
f:join()
print(this_fiber.is_main)
