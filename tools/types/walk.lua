-- Prints every name the runtime exposes, one "NAME KIND" per line,
-- sorted: the globals Emilua adds to Lua's, then each module named as an
-- argument that require() finds, walked through nested tables.  Used by tools/gen-types.sh and the types drift test.
local system = require "system"

local lua_globals = {}
for name in ([[_G _VERSION assert collectgarbage dofile error getfenv
    getmetatable ipairs load loadfile loadstring next pairs pcall print
    rawequal rawget rawlen rawset require select setfenv setmetatable
    tonumber tostring type unpack xpcall newproxy gcinfo module string
    table math bit jit coroutine _CONTEXT]]):gmatch("%S+") do
    lua_globals[name] = true
end

local lines = {}
local seen = {}
-- tables of data, not of API: their keys depend on the run
local data = {["system.environment"] = true}

-- A table reached twice (an alias: unix.segpacket is unix.seqpacket) is
-- walked under each name; only a table inside itself stops the walk.
local function walk(prefix, t, depth)
    if seen[t] or depth > 4 then
        return
    end
    seen[t] = true
    for k, v in pairs(t) do
        if type(k) == "string" and k:match("^[%a_][%w_]*$") then
            local name = prefix .. "." .. k
            lines[#lines + 1] = name .. " " .. type(v)
            if type(v) == "table" and not data[name] then
                walk(name, v, depth + 1)
            end
        end
    end
    seen[t] = nil
end

for k, v in pairs(_G) do
    if type(k) == "string" and not lua_globals[k] then
        lines[#lines + 1] = k .. " " .. type(v)
        if type(v) == "table" then
            walk(k, v, 1)
        end
    end
end

local i = 3
while system.arguments[i] do
    local name = system.arguments[i]
    if name ~= "ffi" and not rawget(_G, name) then
        local ok, m = pcall(require, name)
        if ok then
            lines[#lines + 1] = name .. " module"
            if type(m) == "table" then   -- a userdata's names stay hidden
                walk(name, m, 1)
            end
        end
    end
    i = i + 1
end

table.sort(lines)
for _, l in ipairs(lines) do
    print(l)
end
