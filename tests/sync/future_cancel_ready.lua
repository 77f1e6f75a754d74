-- get() is a cancellation point even when the result is ready (like
-- join() on a finished fiber): a pending cancellation raises there.
local future = require('future')
local promise, fut = future.new()
promise:set_value(1)
local f = spawn(function()
    fut:get()
    print('not reached')
end)
f:cancel()
f:join()
print('cancellation caught:', f.cancellation_caught)
print(fut:get())
