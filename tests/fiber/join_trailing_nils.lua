local f = spawn(function() return nil, 'x', nil end)
local function show(...) print(select('#', ...), ...) end
show(f:join())
