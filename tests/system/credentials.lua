-- Written to pass as root (CI) and as a normal user: root may switch its
-- effective ids and come back; anybody else gets EPERM.
local system = require 'system'
local ruid, euid, suid = system.getresuid()
local rgid, egid, sgid = system.getresgid()
print(type(ruid), type(euid), type(suid), type(rgid), type(egid), type(sgid))
system.setresuid(-1, -1, -1)      -- -1 leaves each id unchanged
system.setresgid(-1, -1, -1)
print('unchanged', select(2, system.getresuid()) == euid,
      select(2, system.getresgid()) == egid)

local nobody = 65534
local ok, e = pcall(system.setresgid, -1, nobody, -1)
if euid == 0 then
    print('egid switched', ok and select(2, system.getresgid()) == nobody)
    system.setresgid(-1, egid, -1)
else
    print('egid switched', not ok and e.code == 1)  -- EPERM
end
ok, e = pcall(system.setresuid, -1, nobody, -1)
if euid == 0 then
    print('euid switched', ok and select(2, system.getresuid()) == nobody)
    system.setresuid(-1, 0, -1)   -- the saved id is still 0
else
    print('euid switched', not ok and e.code == 1)
end
print('back', select(2, system.getresuid()) == euid,
      select(2, system.getresgid()) == egid)
