-- A fiber spawned by a fiber is queued behind the ones already ready.
local inner
local outer = spawn(function()
    inner = spawn(function() print('inner') end)
    print('outer')
end)
local other = spawn(function() print('other') end)
outer:join()
other:join()
inner:join()
