-- Every access gives a new error table, so fields can be attached
-- freely; the groups themselves are the same objects each time.
local asio_error = require 'asio_error'

local a, b = asio_error.misc.eof, asio_error.misc.eof
print(rawequal(a, b), a == b)
a.note = 'mine'
print(a.note, b.note, a == b)
print(rawequal(asio_error.basic, asio_error.basic))
print(getmetatable(asio_error), getmetatable(asio_error.misc), getmetatable(a))
print(pcall(function() return asio_error.misc.nope end))
print(pcall(function() return asio_error.nope end))
print(pcall(function() return asio_error.basic[1] end))
