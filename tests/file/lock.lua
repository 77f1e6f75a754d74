-- flock(2) locks between two open file descriptions of one file: lock
-- waits while the other holds it, try_ forms, unlock, and a waiting lock
-- canceled (never acquired) or aborted by close() and cancel().
local file = require "file"
local fs = require "filesystem"
local asio_error = require "asio_error"
local T = require "./tmp"
local d = T.make("lock")
T.put(d / "l", "")

local function opened(kind)
    local f = file[kind].new()
    f:open(d / "l", {"read_only"})
    return f
end
local a, b = opened("stream"), opened("random_access")

a:lock()
print("held: try_lock, try_lock_shared", b:try_lock(), b:try_lock_shared())
local w = spawn(function()
    print("b: lock")
    b:lock()
    print("b: locked")
end)
this_fiber.yield()
print("a: unlock")
a:unlock()
w:join()
print("a: try_lock", a:try_lock())
b:unlock()

a:lock_shared()
print("shared: try_lock_shared, try_lock", b:try_lock_shared(), b:try_lock())
b:unlock()
a:unlock()

-- a lock canceled while it waits was never acquired
a:lock()
w = spawn(function()
    print("canceled lock", pcall(b.lock, b))
end)
this_fiber.yield()
w:cancel()
w:join()
a:unlock()
local c = opened("stream")
print("c: try_lock after the cancel", c:try_lock())
c:close()

-- close() and cancel() abort a waiting lock
a:lock()
w = spawn(function()
    local ok, e = pcall(b.lock_shared, b)
    print("lock_shared at close", ok, e == asio_error.basic.operation_aborted)
end)
this_fiber.yield()
b:close()
w:join()
b = opened("random_access")
w = spawn(function()
    local ok, e = pcall(b.lock, b)
    print("lock at cancel", ok, e == asio_error.basic.operation_aborted)
end)
this_fiber.yield()
b:cancel()
w:join()
print("b still open", b.is_open)
a:close()
b:close()
print(fs.remove_all(d))
