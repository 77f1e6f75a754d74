-- Every method checks its arguments and names itself in the error; an
-- error value given to set_error() must not be nil.
local future = require('future')
local promise, fut = future.new()
-- Only the message: where the error is reported from is not part of it.
local function try(f, ...)
    local ok, e = pcall(f, ...)
    print(ok, (tostring(e):match('[%w_]+%.[%w_]+: argument .*')))
end
try(fut.get)
try(fut.get, promise)
try(promise.set_value)
try(promise.set_value, fut, 1)
try(promise.set_error, 'p', 'e')
try(promise.set_error, promise)
try(promise.set_error, promise, nil)
promise:set_value('still pending before')
print(fut:get())
