-- A resume() with no arguments makes the pending yield() return nothing.
local co = coroutine.create(function()
    print('yield got', select('#', coroutine.yield()))
    print('yield got', select('#', coroutine.yield()))
end)
coroutine.resume(co)
coroutine.resume(co)
coroutine.resume(co, nil, nil)
