-- Canceling a finished fiber is a no-op: its results are kept.
local f = spawn(function() return 'done' end)
this_fiber.yield()
f:cancel()
print(f.joinable)
print(f:join())
print(f.cancellation_caught)
