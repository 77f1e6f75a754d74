-- Two fibers handing control back and forth with this_fiber.yield():
-- 2 x 5M = 10M switches (the main fiber is parked in join meanwhile).
local M = 5000000
local yield = this_fiber.yield
local n = 0
local function pingpong()
    for _ = 1, M do
        n = n + 1
        yield()
    end
end
local a, b = spawn(pingpong), spawn(pingpong)
a:join()
b:join()
print(n)
