-- Mutex ping-pong: two fibers take turns owning one mutex.  Each holds it
-- across a yield, so the other is always parked in lock() when unlock()
-- runs: every acquisition is a hand-off.  2 x 1M = 2M hand-offs.
local mutex = require 'mutex'
local M = 1000000
local m = mutex.new()
local yield = this_fiber.yield
local n = 0
local function worker()
    for _ = 1, M do
        m:lock()
        n = n + 1
        yield()
        m:unlock()
    end
end
local a, b = spawn(worker), spawn(worker)
a:join()
b:join()
print(n)
