local f = spawn(function() end)
f:detach()
local ok, e = pcall(f.detach, f)
print(ok, tostring(e))
