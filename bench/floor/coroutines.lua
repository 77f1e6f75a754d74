-- Floor for the peak RSS of emilua/sleep.lua: 100k plain coroutines, each
-- suspended in coroutine.yield() at once, then all resumed to the end.
local N = 100000
local create, resume, yield = coroutine.create, coroutine.resume, coroutine.yield
local n = 0
local function body()
    yield()
    n = n + 1
end
local t = {}
for i = 1, N do
    local co = create(body)
    resume(co)
    t[i] = co
end
for i = 1, N do resume(t[i]) end
print(n)
