-- Detaching a fiber that already died with an error reports it then.
local f = spawn(function() error('died', 0) end)
this_fiber.yield()
print('detaching')
f:detach()
print('detached')
