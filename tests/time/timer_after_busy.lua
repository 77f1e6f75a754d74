-- A timer armed after a long computation still waits its full time.
local time = require 'time'
local now = time.steady_clock.now
local t = time.steady_timer.new()
for _ = 1, 3 do
    local busy = now()
    while now() - busy < 0.02 do end
    t:expires_after(0.01)
    local start = now()
    t:wait()
    print(now() - start >= 0.01, now() >= t.expiry)
end
