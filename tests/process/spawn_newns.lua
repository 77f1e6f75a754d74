-- newns_* (beyond the reference's system.spawn): the child starts in new
-- namespaces; the maps of a new user namespace are written by us before
-- the child goes on, so it can change uid and gid inside it.
local system = require 'system'
local h = require './helpers'

local maps = {uid_map = '0 0 1\n1234 1234 1\n',
              gid_map = '0 0 1\n1234 1234 1\n'}
local function with(t)
    local opts = {newns_user = true, uid_map = maps.uid_map,
                  gid_map = maps.gid_map}
    for k, v in pairs(t) do opts[k] = v end
    return opts
end

-- without a map nothing is mapped: the overflow ids
print(h.sh('echo $(id -u) $(id -g)', {newns_user = true}))
print(h.sh('echo $(id -u) $(id -g)', with{}))
-- uid and gid changes inside, by spawn's own credentials parameters
print(h.sh('echo $(id -u) $(id -g)',
           with{ruid = 1234, euid = 1234, rgid = 1234, egid = 1234}))
-- an id the map does not hold cannot be taken
print(h.try(h.sh, 'true', with{ruid = 5}))

-- the other kinds, which the new user namespace lets us make
print(h.sh('hostname inner; hostname; ' ..
           'tail -n +3 /proc/self/net/dev | cut -d: -f1',
           with{newns_uts = true, newns_net = true, newns_mount = true,
                newns_ipc = true}))
print(h.sh('hostname') ~= 'inner\n')

print(h.try(h.sh, 'true', {newns_user = true, uid_map = 'garbage'}))
print(h.try(h.sh, 'true', {uid_map = '0 0 1\n'}))
print(h.try(h.sh, 'true', {newns_net = 1}))
