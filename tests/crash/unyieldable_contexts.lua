-- Suspending where the fiber cannot yield (a sort comparator, an error
-- handler running a coroutine) fails before the operation starts.
print(xpcall(function() error('x') end,
             coroutine.wrap(function(e) this_fiber.yield() return e end)))
local t = {3, 1, 2}
print(pcall(table.sort, t, function(a, b) this_fiber.yield() return a < b end))
print(pcall(table.sort, t, coroutine.wrap(function(a, b)
    this_fiber.yield()
    return a < b
end)))
-- A coroutine resumed where the fiber can yield may still suspend.
local co = coroutine.wrap(function() this_fiber.yield() return 'yielded' end)
print(co())
print('alive')
