-- linux_capabilities: a set round-trips through its text form, and ==
-- compares the sets (cap_compare).
local system = require "system"

local a = system.cap_from_text("cap_chown,cap_kill=ep cap_net_raw=i")
local b = system.cap_from_text(tostring(a))
print(tostring(b), a == b, a == a:dup(), a == system.cap_init())
b:set_flag("effective", {"cap_kill"}, false)
print(a == b, a == "cap_chown,cap_kill=ep cap_net_raw=i")
local p = system.cap_get_proc()
print(p == system.cap_get_proc())
