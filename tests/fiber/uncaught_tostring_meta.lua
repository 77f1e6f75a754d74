-- A non-string error value is printed with its __tostring.
local e = setmetatable({}, {__tostring = function() return 'custom error' end})
spawn(function() error(e) end):detach()
this_fiber.yield()
