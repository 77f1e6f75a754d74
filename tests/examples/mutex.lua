-- The mutex module: fibers taking turns on a shared resource.
local mutex = require 'mutex'

-- A "stream" whose writes suspend halfway: without a lock, two writers
-- would interleave their parts.
local log = {}
local function slow_write(who, parts)
    for _, part in ipairs(parts) do
        log[#log + 1] = who .. ':' .. part
        this_fiber.yield()            -- stands for a write that suspends
    end
end

local write_mtx = mutex.new()
local function send(who, parts)
    scope(function()
        write_mtx:lock()
        scope_cleanup_push(function() write_mtx:unlock() end)
        slow_write(who, parts)
    end)
end

local a = spawn(function() send('a', {'head', 'body', 'tail'}) end)
local b = spawn(function() send('b', {'head', 'body', 'tail'}) end)
a:join()
b:join()
print(table.concat(log, ' '))

-- try_lock() never suspends: it reports whether it got the mutex.
write_mtx:lock()
local busy = spawn(function() print('try_lock while held:', write_mtx:try_lock()) end)
busy:join()
write_mtx:unlock()
print('try_lock while free:', write_mtx:try_lock())

-- Unlocking a mutex this fiber does not hold is an error (EPERM).
write_mtx:unlock()
local ok, err = pcall(write_mtx.unlock, write_mtx)
print(ok, err)
