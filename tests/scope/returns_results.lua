local function show(...) print(select('#', ...), ...) end
show(scope(function() return 1, nil, 'three', nil end))
show(scope(function() end))
