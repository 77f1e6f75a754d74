-- Suspending inside pcall inside a coroutine, and an error caught there.
local sleep = require('time').sleep
local co = coroutine.create(function()
    local ok, v = pcall(function()
        sleep(0)
        return 'inner value'
    end)
    print(ok, v)
    print(pcall(function()
        this_fiber.yield()
        error('inner error', 0)
    end))
    return 'body end'
end)
print(coroutine.resume(co))
