-- A canceled fiber's cleanup handler runs with cancellation disabled, so
-- it can wait for another fiber.
local worker = spawn(function() this_fiber.yield() return 'worker result' end)
local f = spawn(function()
    scope_cleanup_push(function() print('handler got', worker:join()) end)
    this_fiber.yield()
    print('not reached')
end)
f:cancel()
f:join()
print(f.cancellation_caught)
