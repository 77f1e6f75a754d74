-- A coroutine body's handler that raises terminates the VM.
local co = coroutine.create(function()
    scope_cleanup_push(function() error('coroutine handler failed', 0) end)
end)
coroutine.resume(co)
print('not reached')
