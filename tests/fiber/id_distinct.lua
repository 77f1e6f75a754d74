local main_id = this_fiber.id
print(type(main_id), main_id:match('^0x%x+$') ~= nil, main_id == this_fiber.id)
local ids = {}
local fs = {}
for i = 1, 3 do
    fs[i] = spawn(function() ids[i] = this_fiber.id end)
end
for i = 1, 3 do fs[i]:join() end
print(ids[1] ~= ids[2], ids[2] ~= ids[3], ids[1] ~= ids[3])
print(ids[1] ~= main_id, ids[2] ~= main_id, ids[3] ~= main_id)
