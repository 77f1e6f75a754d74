-- The suspension-disallowed state belongs to the fiber that asked for it.
local f = spawn(function()
    this_fiber.forbid_suspend()
    print('child', pcall(this_fiber.yield))
    this_fiber.allow_suspend()
end)
f:join()
print('main', pcall(this_fiber.yield))
