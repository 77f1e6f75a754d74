local system = require 'system'
local chunk = string.rep('x', 65536)
local left = 16 * 65536
while left > 0 do
    local n = system.out:write_some(chunk:sub(1, left))
    left = left - n
end
