-- A wrap()ed function resumes its coroutine, so it is a cancellation point.
local w = coroutine.wrap(function() print('body ran') end)
local f = spawn(function()
    w()
    print('not reached')
end)
f:cancel()
f:join()
print(f.cancellation_caught)
