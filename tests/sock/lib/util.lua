-- Helpers of the sock tests (a fixture: it has no .out, so it is not run).
-- Its globals are its exports.
local ip = require 'ip'
local generic_error = require 'generic_error'

-- A connected pair of ip.tcp.socket on 127.0.0.1 (or the given address).
function tcp_pair(addr)
    addr = addr or ip.address.loopback_v4()
    local a = ip.tcp.acceptor.new()
    a:open(addr)
    a:bind(addr, 0)
    a:listen()
    local f = spawn(function()
        local s = ip.tcp.socket.new()
        s:connect(addr, a.local_port)
        return s
    end)
    local server = a:accept()
    a:close()
    return f:join(), server
end

-- An error value as one line that does not vary between runs.  A bad
-- argument shows as "bad argument #N", whether it is an EINVAL table
-- with arg or a type error message.
function describe(e)
    if type(e) == 'table' then
        if e == generic_error.EINVAL and e.arg then
            return 'bad argument #' .. e.arg
        end
        return tostring(e.category) .. ':' .. tostring(e)
    end
    local n = tostring(e):match('argument #(%d+)')
    if n then return 'bad argument #' .. n end
    return tostring(e)
end

-- Calls f(...) and prints "ok" and its results, or the error described.
function try(label, f, ...)
    local r = {pcall(f, ...)}
    if r[1] then
        print(label, 'ok', unpack(r, 2))
    else
        print(label, describe(r[2]))
    end
end

function text(buf, n)
    return tostring(buf:first(n))
end

