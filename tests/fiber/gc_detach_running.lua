-- Dropping the handle of a live fiber does not stop it.
spawn(function()
    this_fiber.yield()
    print('child survived the collection')
end)
this_fiber.yield()
collectgarbage()
collectgarbage()
print('collected')
