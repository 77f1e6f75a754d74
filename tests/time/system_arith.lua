-- system_clock points: add/sub, __add/__sub, comparisons, rounding.
local clock = require('time').system_clock
local p = clock.epoch()
p:add(1.5)
p:sub(0.25)
print(p.seconds_since_epoch)
local q = p + 2
print(getmetatable(q), q.seconds_since_epoch, (1 + p).seconds_since_epoch)
print(getmetatable(q - 1), (q - 1).seconds_since_epoch, q - p, p - q)
print(p < q, p <= q, q > p, p == q - 2, p ~= q)
local e = clock.epoch()
e:add(3/1024)
print(string.format('%.0f', e.seconds_since_epoch * 1e9))
local n = clock.now()
print(n + 60 > n, (n + 60) - n)
