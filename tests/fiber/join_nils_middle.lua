local f = spawn(function() return 1, nil, nil, 4 end)
local function show(...) print(select('#', ...), ...) end
show(f:join())
