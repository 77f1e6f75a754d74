-- State errors are generic errors with the code of the pthread analogue.
local ge = require 'generic_error'
local function code(f, ...)
    local ok, e = pcall(f, ...)
    if ok then return 'no error' end
    local g = e:togeneric()
    return tostring(e.category) .. ' ' ..
        (g == ge.EINVAL and 'EINVAL' or g == ge.EDEADLK and 'EDEADLK' or
         g == ge.EPERM and 'EPERM' or tostring(e))
end

local self_join
self_join = spawn(function() return code(self_join.join, self_join) end)
print('join self', self_join:join())

local f = spawn(function() end)
f:join()
print('join joined', code(f.join, f))
print('detach joined', code(f.detach, f))

local d = spawn(function() end)
d:detach()
print('join detached', code(d.join, d))
print('caught after detach', code(function() return d.cancellation_caught end))

local g = spawn(function() this_fiber.yield() end)
print('caught before join', code(function() return g.cancellation_caught end))
local waiter = spawn(function() g:join() end)
this_fiber.yield()
print('second joiner', code(g.join, g))
waiter:join()
print('caught after join', g.cancellation_caught)

this_fiber.forbid_suspend()
print('join forbidden', code(spawn(function() end).join,
                             spawn(function() end)))
this_fiber.allow_suspend()
print('allow unmatched', code(this_fiber.allow_suspend))
