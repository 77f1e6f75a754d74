-- init.script: arg carries init.arg's fd; C functions return the result
-- and errno; helpers; errexit (default true) ends the child at the first
-- failing call, and a script error ends it too: the parent sees the
-- socket it shares with the script close.
local unix = require 'unix'
local inbox = require 'inbox'

if _CONTEXT == 'worker' then
    inbox:receive().dest:send('the actor started')
    return
end

local function run(label, script)
    local shost, sguest = unix.seqpacket.socket.pair()
    sguest = sguest:release()
    local ch = spawn_vm{ module = _FILE, subprocess = {
        init = { script = script, arg = sguest } } }
    sguest:close()
    print('== ' .. label)
    local buf = byte_span.new(256)
    while true do
        local ok, n = pcall(shost.receive, shost, buf)
        if not ok then
            print('socket closed:', n)
            break
        end
        print(buf:first(n))
    end
    -- a child that ended may be gone before or after this send
    local ok, v = pcall(ch.send, ch, { dest = inbox })
    if ok then ok, v = pcall(inbox.receive, inbox) end
    print('actor started', ok and v == 'the actor started')
end

run('helpers and constants', [[
    local function say(...)
        local t = {...}
        for i = 1, #t do t[i] = tostring(t[i]) end
        C.write(arg, table.concat(t, ' '))
    end
    say('arg is a number', type(arg) == 'number')
    say('errexit', errexit)
    say('mode', mode(7, 5, 0), C.S_IRWXU + C.S_IRGRP + C.S_IXGRP)
    local dev = C.makedev(8, 3)
    say('dev', dev_major(dev), dev_minor(dev))
    say('write_all', write_all(arg, 'whole'))
    say('no io, os, package', io == nil, os == nil, package == nil)
    say('set_no_new_privs', set_no_new_privs())
    say('C.getpid is absent', C.getpid == nil)
]])

run('errexit off', [[
    errexit = false
    local r, e = C.close(1000)
    C.write(arg, 'close ' .. r .. ' ' .. e .. ' EBADF ' .. C.EBADF)
    local s, e2 = C.read(1000, 10)
    C.write(arg, 'read ' .. tostring(s) .. ' ' .. e2)
    C.write(arg, 'still running')
    C.close(arg)
]])

run('errexit on', [[
    C.write(arg, 'before')
    C.close(1000)
    C.write(arg, 'never written')
]])

run('script error', [[
    C.write(arg, 'before')
    error('the script fails')
]])

run('syntax error', [[
    this is not Lua
]])
