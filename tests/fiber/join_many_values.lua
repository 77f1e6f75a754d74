-- 300 results: more than LUA_MINSTACK, so the join must grow the stack.
local f = spawn(function()
    local t = {}
    for i = 1, 300 do t[i] = i end
    return unpack(t)
end)
local r = {f:join()}
local sum = 0
for _, v in ipairs(r) do sum = sum + v end
print(#r, r[1], r[150], r[300], sum)
