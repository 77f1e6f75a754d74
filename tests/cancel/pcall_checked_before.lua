-- pcall() checks for cancellation only before running f.
local f
f = spawn(function()
    print(pcall(function()
        f:cancel()
        print('inside, after cancel')
        return 'result'
    end))
    print('pcall returned')
    this_fiber.yield()
    print('not reached')
end)
f:join()
print(f.cancellation_caught)
