-- A bad argument of any kind raises the generic EINVAL with `arg`, so
-- programs can compare it; the runtime's report rides in extra fields.
local generic_error = require('generic_error')
local mutex = require('mutex')
local m = mutex.new()

local function show(f, ...)
    local ok, e = pcall(f, ...)
    print(ok, tostring(e), e:togeneric() == generic_error.EINVAL,
          e == generic_error.EINVAL, e.arg, e.func, e.argname, e.expected,
          e.got)
end
show(m.lock, 1)                        -- a method: self is argument #1
show(byte_span.new, 'x')               -- a module function, wrong type
show(byte_span.new, -1)                -- right type, bad value
show(coroutine.create, 1)              -- written in Lua
local ok, e = pcall(function() return byte_span.new(1):sub(1, 'x') end)
print(e.arg, e.func, e.argname)        -- `obj:method(x)`: x is #3
