local function worker(name)
    return function()
        for i = 1, 3 do
            print(name, i)
            this_fiber.yield()
        end
    end
end
local a = spawn(worker('a'))
local b = spawn(worker('b'))
local c = spawn(worker('c'))
a:join()
b:join()
c:join()
