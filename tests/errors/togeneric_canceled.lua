-- fiber_canceled (an emilua runtime error) maps to generic ECANCELED.
local sleep = require('time').sleep
local ge = require 'generic_error'
local f = spawn(function()
    local ok, e = pcall(sleep, 1000)
    print(ok, e, e.category)
    local g = e:togeneric()
    print(g, g.category, g == ge.ECANCELED, g.code == ge.ECANCELED.code)
    print(e == ge.ECANCELED)
end)
this_fiber.yield()
f:cancel()
f:join()
