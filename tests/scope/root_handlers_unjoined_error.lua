-- A joinable fiber dies with an error: its handlers run at once, its
-- error is reported later, at VM shutdown, as nobody joined it.
local f = spawn(function()
    scope_cleanup_push(function() print('handler') end)
    error('never joined', 0)
end)
this_fiber.yield()
print('main end')
