-- The owner may not take a mutex again: try_lock() and lock() raise
-- EDEADLK instead of blocking the fiber for good (recursive_mutex allows
-- it).  The mutex stays locked once.
local mutex = require('mutex')
local m = mutex.new()
m:lock()
local ok, e = pcall(m.try_lock, m)
print(ok, tostring(e.category), e.code, tostring(e))
ok, e = pcall(m.lock, m)
print(ok, tostring(e.category), e.code, tostring(e))
m:unlock()
print(m:try_lock())
