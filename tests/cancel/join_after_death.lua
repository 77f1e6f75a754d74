-- Joining a fiber that already ended through cancellation returns nothing.
-- cancellation_caught is known once joined (EINVAL before).
local function caught(f)
    local ok, v = pcall(function() return f.cancellation_caught end)
    if ok then return v end
    return tostring(v:togeneric())
end
local sleep = require('time').sleep
local f = spawn(function() sleep(1000) end)
this_fiber.yield()
f:cancel()
this_fiber.yield()
print(f.joinable, caught(f))
print(select('#', f:join()), caught(f))
