-- A wrap()ed generator that suspends natively between its yields.
local sleep = require('time').sleep
local gen = coroutine.wrap(function()
    for i = 1, 3 do
        sleep(0)
        coroutine.yield(i)
    end
end)
print(gen(), gen(), gen())
