-- Each fiber spawns the next and joins it: 200 fibers waiting in join.
local function level(n)
    if n == 0 then return 0 end
    local child = spawn(function() return level(n - 1) end)
    return child:join() + 1
end
print(level(200))
