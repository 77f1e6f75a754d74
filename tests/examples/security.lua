-- tests/examples/security.lua
-- Sandbox a child: no new privileges, a seccomp filter built with
-- system.seccomp_filter that makes mkdir fail, and a Landlock ruleset
-- that lets it read only the system directories and one scratch
-- directory.  The child tries each thing and reports.
local system = require "system"
local filesystem = require "filesystem"
local generic_error = require "generic_error"

local scratch = filesystem.path.new("/tmp/emilua-sandbox-" .. system.getpid())
filesystem.create_directory(scratch)

local filter = system.seccomp_filter.new{default_action = "allow"}
filter:deny({"mkdir", "mkdirat"}, generic_error.EPERM)

local rights = {"read_file", "read_dir", "execute"}
local ruleset = system.landlock_ruleset({
    {filesystem.path.new("/usr"), rights},
    {filesystem.path.new("/lib"), rights},
    {filesystem.path.new("/bin"), rights},
    {scratch, {"read_file", "read_dir"}},
}, rights)                  -- only these rights are restricted

local child = system.spawn{
    program = filesystem.path.new("/bin/sh"),
    arguments = {"sh", "-c", [[
        ls "$1" >/dev/null && echo "scratch: readable"
        cat /etc/passwd >/dev/null 2>&1 || echo "/etc/passwd: denied"
        mkdir "$1/new" 2>/dev/null || echo "mkdir: denied"
    ]], "sh", tostring(scratch)},
    stdout = "share",
    set_no_new_privs = true,
    seccomp_set_mode_filter = filter:export(),
    landlock_restrict_self = ruleset,
}
child:wait()
print("exit code", child.exit_code)
filesystem.remove_all(scratch)
