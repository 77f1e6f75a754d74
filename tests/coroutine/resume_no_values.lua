-- A body that ends with no values: resume() gives just true, and a
-- wrap()ed function gives nothing.
local function count(...) return select('#', ...) end
print(count(coroutine.resume(coroutine.create(function() end))))
local co = coroutine.create(function() coroutine.yield() end)
print(count(coroutine.resume(co)))
print(count(coroutine.resume(co)))
print(count(coroutine.wrap(function() end)()))
