-- cancellation_caught is known once joined (EINVAL before).
local function caught(f)
    local ok, v = pcall(function() return f.cancellation_caught end)
    if ok then return v end
    return tostring(v:togeneric())
end
local sleep = require('time').sleep
local f = spawn(function()
    print('started')
    sleep(1000)
    print('not reached')
end)
f:cancel()
print(f.joinable, caught(f))
print(select('#', f:join()))
print(f.joinable, caught(f))
