-- A root handler may suspend; join() waits for it and still gets the
-- fiber's results.
local sleep = require('time').sleep
local f = spawn(function()
    scope_cleanup_push(function()
        sleep(0)
        this_fiber.yield()
        print('handler done')
    end)
    return 'r', nil
end)
this_fiber.yield()
print('body ended; joinable', f.joinable)
local function show(...) print(select('#', ...), ...) end
show(f:join())
