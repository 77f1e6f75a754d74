-- The usual pattern: a scope cleanup handler unlocks, so an error inside
-- the critical section does not leave the mutex locked.
local mutex = require('mutex')
local m = mutex.new()
local function critical(fail)
    scope(function()
        m:lock()
        scope_cleanup_push(function() m:unlock() end)
        if fail then error('failed inside', 0) end
        print('critical section done')
    end)
end
print(pcall(critical, true))
critical(false)
print(m:try_lock())
