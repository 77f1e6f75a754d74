-- join() suspends until the fiber ends, across the fiber's own yields.
local f = spawn(function()
    for i = 1, 3 do
        print('child', i)
        this_fiber.yield()
    end
    return 'end'
end)
print('joining')
print(f:join())
