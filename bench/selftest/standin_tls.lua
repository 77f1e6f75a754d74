-- An in-memory stand-in for the parts of the `tls` module that
-- bench/emilua/tls_echo.lua uses (see standin_ip.lua beside it): the "server" is
-- `openssl s_server -rev` played in memory, answering each line with the
-- line reversed.  It checks that the script sets up verification as the
-- real peer will require (CA, verify mode, SNI and host name).
local asio_error = require 'asio_error'

local Context = {}
Context.__index = Context

function Context:add_certificate_authority(pem)
    assert(tostring(pem):find('-----BEGIN CERTIFICATE-----', 1, true))
    self.ca = true
end

function Context:set_verify_mode(mode)
    assert(mode == 'peer')
    self.peer = true
end

context = {new = function(method)
    assert(method == 'tls_client')
    return setmetatable({}, Context)
end}

local Socket = {}
Socket.__index = Socket

function Socket:set_server_name(name)
    assert(name == 'localhost')
    self.sni = true
end

function Socket:set_verify_callback(callback, name)
    assert(callback == 'host_name_verification' and name == 'localhost')
    self.host_check = true
end

function Socket:client_handshake()
    assert(self.ctx.ca and self.ctx.peer and self.sni and self.host_check)
    self.ready = true
end

function Socket:write_some(buf)
    assert(self.ready, 'write before the handshake')
    local s = tostring(buf)
    local n = math.min(#s, math.random(1, 30))
    self.pending = self.pending .. s:sub(1, n)
    while true do
        local i = self.pending:find('\n', 1, true)
        if not i then break end
        self.out = self.out .. self.pending:sub(1, i - 1):reverse() .. '\n'
        self.pending = self.pending:sub(i + 1)
    end
    return n
end

function Socket:read_some(buf)
    assert(self.ready, 'read before the handshake')
    if self.out == '' then error(asio_error.misc.eof) end
    local n = math.min(#buf, #self.out, math.random(1, 30))
    buf:copy(self.out:sub(1, n))
    self.out = self.out:sub(n + 1)
    return n
end

socket = {new = function(tcp, ctx)
    assert(tcp and ctx)
    return setmetatable({ctx = ctx, pending = '', out = ''}, Socket)
end}
