-- The time module: clocks, time points and timers.
local time = require 'time'
local clock = time.steady_clock

-- Time points are values: arithmetic with seconds, comparisons.
local epoch = clock.epoch()
local later = epoch + 1.5
print(later - epoch, later > epoch, later.seconds_since_epoch)

-- Measuring: the difference of two steady time points is in seconds.
local start = clock.now()
time.sleep(0.01)
print('slept at least 10 ms:', clock.now() - start >= 0.01)

-- Two timers started together fire in expiry order.
local slow = time.steady_timer.new()
local quick = time.steady_timer.new()
slow:expires_after(0.02)
quick:expires_after(0.01)
local a = spawn(function() slow:wait() print('slow timer') end)
local b = spawn(function() quick:wait() print('quick timer') end)
a:join()
b:join()

-- A timeout: a watchdog fiber cancels a worker that takes too long.
local function with_timeout(secs, fn)
    local worker = spawn(fn)
    local t = time.steady_timer.new()
    t:expires_after(secs)
    local watchdog = spawn(function()
        if pcall(t.wait, t) then worker:cancel() end
    end)
    worker:join()
    t:cancel()                 -- the worker is done: release the watchdog
    watchdog:join()
    return not worker.cancellation_caught
end
print('fast job finished:', with_timeout(1, function() time.sleep(0.001) end))
print('slow job finished:', with_timeout(0.01, function() time.sleep(60) end))

-- cancel() makes pending waits fail with operation_aborted.
slow:expires_after(60)
local w = spawn(function()
    local ok, err = pcall(slow.wait, slow)
    print('wait:', ok, err)
end)
this_fiber.yield()
print('aborted waits:', slow:cancel())
w:join()

-- The wall clock counts seconds since 1970-01-01 UTC.
print('after 2024:', time.system_clock.now().seconds_since_epoch > 1704067200)
