-- Root may replace its supplementary groups; anybody else gets EPERM.
local system = require 'system'
local groups = system.getgroups()
local all_ints = type(groups) == 'table'
for i = 1, #groups do
    if type(groups[i]) ~= 'number' or groups[i] % 1 ~= 0 then all_ints = false end
end
print('getgroups', all_ints)
local root = select(2, system.getresuid()) == 0
local ok, e = pcall(system.setgroups, {65534, 0})
if root then
    local now = system.getgroups()
    table.sort(now)
    print('setgroups', ok and table.concat(now, ',') == '0,65534')
    system.setgroups({})
    print('empty', #system.getgroups() == 0)
    system.setgroups(groups)
else
    print('setgroups', not ok and e.code == 1)
    print('empty', not pcall(system.setgroups, {}))
end
print('restored', #system.getgroups() == #groups)
