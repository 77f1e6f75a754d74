-- The time module's members and the clocks' functions.
local time = require 'time'
local function keys(t)
    local ks = {}
    for k, v in pairs(t) do ks[#ks + 1] = k .. ':' .. type(v) end
    table.sort(ks)
    return table.concat(ks, ' ')
end
print(keys(time))
print(keys(time.steady_clock))
print(keys(time.system_clock))
print(keys(time.high_resolution_clock))
print(keys(time.steady_timer))
print(keys(time.system_timer))
