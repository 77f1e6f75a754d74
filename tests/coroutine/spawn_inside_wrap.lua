-- spawn() from inside a coroutine creates a fiber (post semantics).
local f
coroutine.wrap(function()
    f = spawn(function() print('Hello World') end)
    print('spawned')
end)()
print('wrap returned')
f:join()
