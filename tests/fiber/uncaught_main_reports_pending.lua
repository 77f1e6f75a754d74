-- When the main fiber panics, a joinable fiber's unreported error is
-- still reported as the VM shuts down.
local f = spawn(function() error('child error', 0) end)
this_fiber.yield()
error('main error', 0)
