-- join() is a cancellation point, even on a fiber that already finished;
-- the target stays joinable.
local done = spawn(function() return 'x' end)
local f = spawn(function()
    done:join()
    print('not reached')
end)
f:cancel()
f:join()
print(f.cancellation_caught, done.joinable)
print(done:join())
