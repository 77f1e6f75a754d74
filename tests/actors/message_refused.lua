-- Values that cannot cross are refused at the top and left out inside a
-- table; a table reached twice is copied twice, a cycle is refused.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm('.')
    local mutex = require 'mutex'
    local refused = {
        function() end, coroutine.create(function() end), mutex.new(),
        spawn(function() end), setmetatable({}, {}),
    }
    for _, v in ipairs(refused) do
        local ok, e = pcall(function() worker:send(v) end)
        print(ok, e.code, tostring(e.category), e.arg, e.type)
    end
    local cyclic = {}
    cyclic.self = cyclic
    print(pcall(function() worker:send(cyclic) end))
    local shared = {1}
    worker:send{fn = function() end, keep = 'kept', a = shared, b = shared,
                meta = setmetatable({}, {})}
else
    local m = inbox:receive()
    print(m.fn, m.keep, m.meta, m.a[1], m.b[1], m.a ~= m.b)
end
