-- Once satisfied, the promise may go away: the future keeps the result.
local future = require('future')
local promise, fut = future.new()
promise:set_value('kept')
promise = nil
collectgarbage()
collectgarbage()
print(fut:get())
local p2, f2 = future.new()
p2:set_error('kept error')
p2 = nil
collectgarbage()
collectgarbage()
print(pcall(f2.get, f2))
