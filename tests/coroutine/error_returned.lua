-- Errors inside a coroutine come back from resume(); after a native
-- suspension too; tables keep their identity.
local sleep = require('time').sleep
local co = coroutine.create(function()
    sleep(0)
    error('after sleep')
end)
print(coroutine.resume(co))
local err = {why = 'table'}
local co2 = coroutine.create(function() error(err) end)
local ok, e = coroutine.resume(co2)
print(ok, rawequal(e, err))
print(coroutine.resume(co2))
