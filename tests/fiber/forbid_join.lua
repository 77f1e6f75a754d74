-- join() suspends, so it is refused while suspension is forbidden, even on
-- a fiber that already finished; the fiber stays joinable.
local f = spawn(function() return 'r' end)
this_fiber.yield()
this_fiber.forbid_suspend()
print(pcall(f.join, f))
print(f.joinable)
this_fiber.allow_suspend()
print(f:join())
