-- Many sleeps in the shared heap, a third of them canceled from all over
-- the heap (each cancel moves other slots): the others still wake in
-- order of their deadlines, equal deadlines in order of arrival.
local sleep = require('time').sleep
local seed = 12345
local function rand(n)   -- a fixed sequence
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
end
local N = 300
local woke = {}
local ms = {}
local fibers = {}
for i = 1, N do
    ms[i] = 10 * (1 + rand(8))   -- far apart: the spawns take time
    fibers[i] = spawn(function()
        sleep(ms[i] / 1000)
        woke[#woke + 1] = i
    end)
end
this_fiber.yield()   -- every fiber sleeps now
local canceled = {}
for i = 1, N do
    if rand(3) == 0 then
        fibers[i]:cancel()
        canceled[i] = true
    end
end
local ncanceled = 0
for i = 1, N do
    local ok = pcall(function() fibers[i]:join() end)
    if canceled[i] then ncanceled = ncanceled + 1 end
end
local ok = #woke == N - ncanceled
for k = 2, #woke do
    local a, b = woke[k - 1], woke[k]
    if canceled[b] or ms[a] > ms[b] or (ms[a] == ms[b] and a > b) then
        ok = false
    end
end
print(ncanceled > 50, ok)
