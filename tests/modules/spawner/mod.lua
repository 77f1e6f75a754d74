-- A fiber spawned by a module's top level is not that module's main fiber.
local f = spawn(function()
    local ok, e = pcall(require, 'time')
    print('fiber of a module:', ok, e)
end)
f:join()
time_type = type(require('time').sleep)
