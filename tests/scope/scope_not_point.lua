-- scope() is not a cancellation point: a canceled fiber still runs f.
local f = spawn(function()
    print(scope(function() return 'scope ran' end))
    this_fiber.yield()
    print('not reached')
end)
f:cancel()
f:join()
print(f.cancellation_caught)
