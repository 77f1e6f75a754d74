local sleep = require('time').sleep
local gen = coroutine.wrap(function(a)
    sleep(0)
    return 'done', a
end)
print(gen('arg'))
