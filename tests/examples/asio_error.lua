-- asio_error: the error values that IO raises, by name.
local asio_error = require 'asio_error'

-- Every access gives a new error table (fields may be added freely).
local eof = asio_error.misc.eof
print(eof, eof.category, eof.code)

-- Errors compare by category and code, so a caught error can be
-- checked against the named one.
local ok, err = pcall(error, asio_error.misc.eof)
print(ok, err == asio_error.misc.eof, err == asio_error.misc.not_found)

-- basic.* are the system's errno errors on Linux.
local aborted = asio_error.basic.operation_aborted
print(aborted, aborted.category, aborted == asio_error.basic.operation_aborted)
print(asio_error.basic.would_block == asio_error.basic.try_again)
print(asio_error.netdb.host_not_found.category,
      asio_error.addrinfo.service_not_found.category)
