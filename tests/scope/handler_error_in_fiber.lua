-- A failing handler in a secondary fiber terminates the whole VM: the
-- main fiber never resumes.
local f = spawn(function()
    scope_cleanup_push(function() error('bad handler', 0) end)
end)
f:join()
print('not reached')
