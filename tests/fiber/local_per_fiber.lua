local l = this_fiber.local_
print(type(l), rawequal(l, this_fiber.local_))
l.name = 'main'
local f = spawn(function()
    local mine = this_fiber.local_
    print(rawequal(mine, l), mine.name)
    mine.name = 'child'
    this_fiber.yield()
    print(this_fiber.local_.name)
end)
this_fiber.yield()
print(this_fiber.local_.name)
f:join()
