-- While cancellation is disabled, cancellation points of a canceled fiber
-- (yield, pcall) do not raise.
local f = spawn(function()
    this_fiber.disable_cancellation()
    this_fiber.yield()
    print('yield did not raise')
    print(pcall(function() return 'pcall ran' end))
    this_fiber.restore_cancellation()
    this_fiber.yield()
    print('not reached')
end)
f:cancel()
f:join()
print(f.cancellation_caught)
