-- A joinable fiber's root handlers run when it dies, before the joiner
-- gets the error.
local f = spawn(function()
    scope_cleanup_push(function() print('root handler') end)
    error('died', 0)
end)
print(pcall(f.join, f))
