-- A fiber's own coroutine is not visible through coroutine.running().
print(coroutine.running())
local f = spawn(function() return type(coroutine.running()) end)
print(f:join())
