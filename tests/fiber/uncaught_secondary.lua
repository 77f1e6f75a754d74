-- A secondary fiber's panic is reported; the VM goes on and exits 0.
local f = spawn(function()
    local function inner() error('deep') end
    inner()
end)
f:detach()
this_fiber.yield()
print('main goes on')
