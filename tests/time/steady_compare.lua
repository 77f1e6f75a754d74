-- __eq, __lt, __le compare the instants.
local clock = require('time').steady_clock
local a = clock.epoch()
local b = a + 1
print(a < b, a <= b, b > a, b >= a)
print(b < a, b <= a, a > b, a >= b)
print(a == a + 0, a ~= b, a == b)
print(a <= a + 0, a < a + 0)
local c = b - 1
print(a == c, rawequal(a, c))
print(a + 1e-9 > a)
