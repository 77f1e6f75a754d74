-- coroutine.resume() is a cancellation point: a canceled fiber's resume
-- raises and the coroutine does not run.
local co = coroutine.create(function() print('body ran') end)
local f = spawn(function()
    coroutine.resume(co)
    print('not reached')
end)
f:cancel()
f:join()
print(f.cancellation_caught, coroutine.status(co))
