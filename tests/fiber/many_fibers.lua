local fs = {}
for i = 1, 1000 do
    fs[i] = spawn(function()
        this_fiber.yield()
        return i
    end)
end
local sum = 0
for i = 1, 1000 do sum = sum + fs[i]:join() end
print(sum)
