-- The program ends with fibers parked in every way these modules park
-- them: in lock(), in recursive_mutex:lock(), in wait(), notified or
-- canceled but still waiting for the mutex, and in get().  The deadlock
-- report names each object once; the fibers are dropped, the process exits
-- normally and nothing leaks (see ASan).
local mutex = require('mutex')
local recursive_mutex = require('recursive_mutex')
local condition_variable = require('condition_variable')
local future = require('future')
local m = mutex.new()
local rm = recursive_mutex.new()
local c = condition_variable.new()
local promise, fut = future.new()
local function waiter() m:lock(); c:wait(m); print('not reached') end
spawn(waiter)                          -- notified below
local canceled = spawn(waiter)         -- canceled below
spawn(waiter)                          -- stays in wait()
spawn(function() fut:get(); print('not reached') end)
rm:lock()
spawn(function() rm:lock(); print('not reached') end)
this_fiber.yield()
m:lock()
spawn(function() m:lock(); print('not reached') end)
this_fiber.yield()
c:notify_one()
canceled:cancel()
print('main ends holding the mutexes; promise kept:', promise ~= nil)
