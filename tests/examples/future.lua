-- The future module: one fiber computes a result, any number of fibers
-- wait for it.
local future = require 'future'

local promise, answer = future.new()

-- Several readers block in get(); they all get the same value.
local readers = {}
for i = 1, 3 do
    readers[i] = spawn(function()
        print('reader ' .. i .. ' got', answer:get())
    end)
end

spawn(function()
    this_fiber.yield()                  -- stands for some slow work
    promise:set_value(42)
end)

for _, r in ipairs(readers) do r:join() end
print('later get() returns at once:', answer:get())

-- set_error(): get() raises the stored error in every reader.
local p2, f2 = future.new()
p2:set_error('lookup failed')
print(pcall(f2.get, f2))

-- A promise is fulfilled only once.
print(pcall(promise.set_value, promise, 43))

-- A promise dropped unfulfilled breaks its future.
local p3, f3 = future.new()
p3 = nil
collectgarbage()
print(pcall(f3.get, f3))
