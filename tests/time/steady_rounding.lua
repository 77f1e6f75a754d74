-- Durations round to the nearest nanosecond, ties to even.
local clock = require('time').steady_clock
local function ns(secs, method)
    local p = clock.epoch()
    p[method or 'add'](p, secs)
    return string.format('%.0f', p.seconds_since_epoch * 1e9)
end
print(ns(1/1024))     -- 976562.5 ns
print(ns(3/1024))     -- 2929687.5 ns
print(ns(5/1024))     -- 4882812.5 ns
print(ns(7/1024))     -- 6835937.5 ns
print(ns(1e-10), ns(4e-10), ns(6e-10), ns(1.4e-9), ns(1.6e-9))
print(ns(1/1024, 'sub'), ns(3/1024, 'sub'))
local e = clock.epoch()
print(string.format('%.0f', ((e + 1/1024) - e) * 1e9))
print(string.format('%.0f', ((e - 3/1024) - e) * 1e9))
