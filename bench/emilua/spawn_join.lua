-- spawn(f):join() one fiber at a time: 5 batches of 100k fibers.
local BATCHES, N = 5, 100000
local n = 0
local function f() n = n + 1 end
for _ = 1, BATCHES do
    for _ = 1, N do spawn(f):join() end
end
print(n)
