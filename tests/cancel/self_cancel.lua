-- A fiber that cancels itself goes on until its next cancellation point.
local f
f = spawn(function()
    f:cancel()
    print('still running')
    local s = 0
    for i = 1, 3 do s = s + i end
    print('computed', s)
    this_fiber.yield()
    print('not reached')
end)
f:join()
print(f.cancellation_caught)
