-- nils yielded or returned by a coroutine are all kept.
local co = coroutine.create(function()
    coroutine.yield(nil, nil)
    return nil, 'x', nil
end)
local function show(...) print(select('#', ...), ...) end
show(coroutine.resume(co))
show(coroutine.resume(co))
