spawn(function()
    local t = nil
    return t.field
end):detach()
this_fiber.yield()
print('main goes on')
