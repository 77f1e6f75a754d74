-- tests/examples/libc_service.lua
-- Run wc(1) with libemilua-libc-service preloaded: every file it opens by
-- name is asked of us first.  We hand it /etc/hostname ourselves, as an
-- open fd, and refuse anything else.
local system = require "system"
local filesystem = require "filesystem"
local libc_service = require "libc_service"

local master, slave = libc_service.new()
local child = system.spawn{
    program = "wc",
    arguments = {"wc", "-l", "/etc/hostname", "/etc/shadow"},
    environment = {
        LD_PRELOAD = system.environment.LIBEMILUA_LIBC_SERVICE,
        EMILUA_LIBC_SERVICE_FD = "3",   -- where the slave lands
    },
    extra_fds = {[3] = slave},
    stdout = "share", stderr = "share"}

while true do
    local ok = pcall(master.receive, master)
    if not ok then break end            -- EOF: wc is done
    local path, flags = master:arguments()
    local allowed = tostring(path) == "/etc/hostname"
    if allowed and master.function_ == "open" then
        print("allowing", path)
        master:send_with_fds(0, {filesystem.open(path, flags)})
    elseif allowed then
        print("letting wc do it", master.function_, path)
        master:use_slave_credentials()
    else
        print("refusing", master.function_, path)
        master:send(-1, 13)             -- EACCES
    end
end
child:wait()
print("wc exit code", child.exit_code)
