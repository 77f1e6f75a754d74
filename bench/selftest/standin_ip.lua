-- An in-memory stand-in for the parts of the `ip` module that the network
-- workloads use, so that bench/selftest.sh can check their logic before the
-- real module has sockets: it runs a copy of each script whose
-- `require 'ip'` reads `require 'standin_ip'`.
-- Reads and writes are deliberately short and random, and every write
-- yields, to exercise the scripts' loops.
--
-- With MOCK_CLIENT=http in the environment, ip.tcp.listen() also spawns a
-- client that plays wrk against bench/emilua/http_hello.lua: pipelined and
-- split requests, every response compared, then a request head too large
-- for the server, which must close the connection.  It prints the outcome
-- and ends the process.
local mutex = require 'mutex'
local condition_variable = require 'condition_variable'
local asio_error = require 'asio_error'
local stream = require 'stream'
local system = require 'system'

local lock = mutex.new()

local function pipe()
    return {data = '', closed = false, cv = condition_variable.new()}
end

local Socket = {}
Socket.__index = Socket

local function socket_pair()
    local a, b = pipe(), pipe()
    return setmetatable({inp = a, out = b}, Socket),
        setmetatable({inp = b, out = a}, Socket)
end

function Socket:open(family)
    assert(family == 'v4')
    self.opened = true
end

function Socket:set_option(opt, value)
    assert(opt == 'tcp_no_delay' and value == true)
end

function Socket:read_some(buf)
    assert(#buf > 0, 'read_some with an empty buffer')
    lock:lock()
    while self.inp.data == '' and not self.inp.closed do
        self.inp.cv:wait(lock)
    end
    if self.inp.data == '' then
        lock:unlock()
        error(asio_error.misc.eof)
    end
    local n = math.min(#buf, #self.inp.data, math.random(1, 40))
    buf:copy(self.inp.data:sub(1, n))
    self.inp.data = self.inp.data:sub(n + 1)
    lock:unlock()
    return n
end

function Socket:write_some(buf)
    local s = tostring(buf)
    local n = math.min(#s, math.random(1, 50))
    lock:lock()
    if self.out.closed then
        lock:unlock()
        error('write after close')
    end
    self.out.data = self.out.data .. s:sub(1, n)
    self.out.cv:notify_all()
    lock:unlock()
    this_fiber.yield()
    return n
end

function Socket:close()
    lock:lock()
    self.out.closed = true
    self.out.cv:notify_all()
    lock:unlock()
end

local listeners, next_port = {}, 40000

local Acceptor = {}
Acceptor.__index = function(self, key)
    if key == 'local_port' then return rawget(self, 'port') end
    return Acceptor[key]
end

function Acceptor:accept()
    lock:lock()
    while #self.queue == 0 do self.cv:wait(lock) end
    local sock = table.remove(self.queue, 1)
    lock:unlock()
    return sock
end

function Acceptor:close() end

function Socket:connect(addr, port)
    assert(self.opened and addr == '127.0.0.1')
    -- An unknown port gets a peer that never answers (the TLS stand-in
    -- does not use its socket).
    local acceptor = listeners[port] or
        {queue = {}, cv = condition_variable.new()}
    local mine, theirs = socket_pair()
    self.inp, self.out = mine.inp, mine.out
    lock:lock()
    table.insert(acceptor.queue, theirs)
    acceptor.cv:notify_all()
    lock:unlock()
end

address = {loopback_v4 = function() return '127.0.0.1' end}

tcp = {
    socket = {new = function() return setmetatable({}, Socket) end},
    acceptor = {new = function()
        return setmetatable({queue = {}, cv = condition_variable.new()},
                            Acceptor)
    end},
}

local function play_wrk(port)
    local s = tcp.socket.new()
    s:open('v4')
    s:connect('127.0.0.1', port)
    local REQUEST = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'
    local RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n' ..
        'Content-Type: text/plain\r\n\r\nhello'
    local answered = 0
    for _ = 1, 200 do
        local k = math.random(1, 5)
        stream.write_all(s, REQUEST:rep(k))
        local buf = byte_span.new(#RESPONSE * k)
        stream.read_all(s, buf)
        assert(tostring(buf) == RESPONSE:rep(k), 'wrong response')
        answered = answered + k
    end
    pcall(stream.write_all, s, ('x'):rep(9000))
    local ok, err = pcall(s.read_some, s, byte_span.new(16))
    print(('http: %d answered, oversized head closed: %s'):format(
        answered, tostring(not ok and err == asio_error.misc.eof)))
    system.exit(0)
end

function tcp.listen(ep)
    assert(ep:match('^127%.0%.0%.1:%d+$'))
    local acceptor = tcp.acceptor.new()
    next_port = next_port + 1
    acceptor.port = next_port
    listeners[acceptor.port] = acceptor
    if system.environment.MOCK_CLIENT == 'http' then
        spawn(function() play_wrk(acceptor.port) end)
    end
    return acceptor
end
