-- spawn 100k fibers, then join them all; 3 rounds.
local ROUNDS, N = 3, 100000
local n = 0
local function f() n = n + 1 end
for _ = 1, ROUNDS do
    local t = {}
    for i = 1, N do t[i] = spawn(f) end
    for i = 1, N do t[i]:join() end
end
print(n)
