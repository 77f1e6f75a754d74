-- basic.* are system errors: they equal what IO functions raise and map
-- to the generic conditions; the other groups have categories of their
-- own that no generic condition matches.
local asio_error = require 'asio_error'
local generic_error = require 'generic_error'

print(asio_error.basic.would_block == asio_error.basic.try_again)
print(asio_error.basic.operation_aborted:togeneric() == generic_error.ECANCELED)
print(asio_error.basic.broken_pipe:togeneric() == generic_error.EPIPE)
print(asio_error.basic.broken_pipe == generic_error.EPIPE)
print(asio_error.misc.eof == asio_error.misc.not_found)
print(asio_error.netdb.host_not_found == asio_error.misc.already_open)
local eof = asio_error.misc.eof
print(rawequal(eof:togeneric(), eof), eof.category == asio_error.misc.fd_set_failure.category)
print(eof.category:message(2), eof.category:message(99))
