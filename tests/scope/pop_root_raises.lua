-- The main fiber's root scope starts empty.
local ok, e = pcall(function() scope_cleanup_pop() end)
print(ok, tostring(e))
