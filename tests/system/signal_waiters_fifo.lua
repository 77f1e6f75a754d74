-- Several fibers wait on one set: each signal wakes one of them, in the
-- order they started waiting.
local system = require 'system'
local sig = system.signal
local set = sig.set.new(sig.SIGUSR1, sig.SIGUSR2)
local fibers = {}
for i = 1, 3 do
    fibers[i] = spawn(function() print('waiter ' .. i .. ' got', set:wait()) end)
end
this_fiber.yield()
sig.raise(sig.SIGUSR2)
fibers[1]:join()
sig.raise(sig.SIGUSR1)
fibers[2]:join()
sig.raise(sig.SIGUSR2)
fibers[3]:join()
