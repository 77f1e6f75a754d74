-- A wait inside a coroutine suspends the whole fiber and continues.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(0.005)
local co = coroutine.create(function()
    t:wait()
    coroutine.yield('yielded after wait')
    return 'finished'
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
