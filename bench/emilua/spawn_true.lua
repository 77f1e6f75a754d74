-- 2,000 spawn+wait of /bin/true, one after the other; prints how many
-- exited with status 0.
local system = require "system"
local spawn_ = system.spawn
local opts = {program = require("filesystem").path.new("/bin/true"),
              arguments = {"true"}}
local ok = 0
for _ = 1, 2000 do
    local p = spawn_(opts)
    p:wait()
    if p.exit_code == 0 then ok = ok + 1 end
end
print(ok)
