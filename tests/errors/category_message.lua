-- category:message(code) is the text for any code of that category.
local sleep = require('time').sleep
local ge = require 'generic_error'
local generic = ge.EINVAL.category
print(generic:message(2))
print(generic:message(32))
local ok, e = pcall(require, './no_such_module')
print(e.category:message(e.code))
-- a fiber canceled while sleeping gets fiber_canceled, of the same
-- (emilua) category
local g = spawn(function()
    local ok, err = pcall(sleep, 1000)
    print(ok, err.category:message(err.code), err.category == e.category)
end)
this_fiber.yield()
g:cancel()
g:join()
