-- A joinable fiber's uncaught error, never joined nor detached, is
-- reported when the VM shuts down.  Secondary errors do not change the
-- exit status.
local f = spawn(function() error('late') end)
this_fiber.yield()
print('main end', f.joinable)
