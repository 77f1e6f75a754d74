-- All 44 names of asio_error, with their category and message.
local asio_error = require 'asio_error'

local groups = {
    basic = {'access_denied', 'address_family_not_supported',
             'address_in_use', 'already_connected', 'already_started',
             'broken_pipe', 'connection_aborted', 'connection_refused',
             'connection_reset', 'bad_descriptor', 'fault',
             'host_unreachable', 'in_progress', 'interrupted',
             'invalid_argument', 'message_size', 'name_too_long',
             'network_down', 'network_reset', 'network_unreachable',
             'no_descriptors', 'no_buffer_space', 'no_memory',
             'no_permission', 'no_protocol_option', 'no_such_device',
             'not_connected', 'not_socket', 'operation_aborted',
             'operation_not_supported', 'shut_down', 'timed_out',
             'try_again', 'would_block'},
    netdb = {'host_not_found', 'host_not_found_try_again', 'no_data',
             'no_recovery'},
    addrinfo = {'service_not_found', 'socket_type_not_supported'},
    misc = {'already_open', 'eof', 'not_found', 'fd_set_failure'},
}
local count = 0
for _, group in ipairs{'basic', 'netdb', 'addrinfo', 'misc'} do
    for _, name in ipairs(groups[group]) do
        local e = asio_error[group][name]
        print(group .. '.' .. name, e.code, tostring(e.category), tostring(e))
        count = count + 1
    end
end
print(count)
