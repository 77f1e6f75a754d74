-- The error of a fiber that died before join() is re-raised by join().
local f = spawn(function() error({code = 7}) end)
this_fiber.yield()
local ok, e = pcall(f.join, f)
print(ok, type(e), e.code, f.joinable)
