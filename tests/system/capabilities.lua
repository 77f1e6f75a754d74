-- system.linux_capabilities: making, reading and changing capability
-- sets in memory (nothing here changes the process), the process-wide
-- queries, and bad arguments.
local system = require "system"

local function try(f, ...)
    local ok, e = pcall(f, ...)
    if ok then return "ok" end
    return tostring(e) .. (type(e) == "table" and e.arg and
                           " arg=" .. e.arg or "")
end

local c = system.cap_init()
print(getmetatable(c), tostring(c))
c = system.cap_from_text("cap_chown,cap_kill=ep cap_net_raw=i")
print(tostring(c), c:get_flag("cap_kill", "effective"),
      c:get_flag("cap_net_raw", "effective"),
      c:get_flag("cap_net_raw", "inheritable"))

local d = c:dup()
d:set_flag("permitted", {"cap_net_raw", "cap_sys_time"}, true)
d:set_flag("effective", {"cap_kill"}, false)
print(tostring(d), tostring(c))
d:clear_flag("permitted")
print(tostring(d))
d:fill("permitted", "inheritable")
print(tostring(d))
d:fill_flag("effective", c, "effective")
print(tostring(d))
d:clear()
print(tostring(d))
d:set_nsowner(1000)
print(d:get_nsowner(), c:get_nsowner())

print(type(system.cap_get_bound("cap_chown")),
      type(system.cap_get_ambient("cap_chown")),
      math.type == nil and type(system.cap_get_secbits()),
      getmetatable(system.cap_get_proc()))
print(system.SECBIT_NOROOT, system.SECBIT_NOROOT_LOCKED,
      system.SECBIT_KEEP_CAPS, system.SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED)

print(try(system.cap_from_text, "cap_nothing=ep"),
      try(system.cap_from_text, 42))
print(try(c.get_flag, c, "cap_nothing", "effective"),
      try(c.get_flag, c, "cap_kill", "everything"),
      try(c.set_flag, c, "effective", {"cap_kill", 5}, true),
      try(c.set_flag, c, "effective", {"cap_kill"}, "yes"),
      try(c.fill_flag, c, "effective", {}, "permitted"),
      try(system.cap_get_bound, "cap_nothing"),
      try(c.set_nsowner, c, -1), try(c.dup, {}))
