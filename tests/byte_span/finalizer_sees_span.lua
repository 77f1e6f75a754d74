-- A finalizer that runs in the same collection as the block of a span it
-- holds still reads the span's bytes.  Each proxy is made before the
-- block, so its finalizer runs after the block owner's (newest first).
local function make(label)
    local proxy = newproxy(true)
    local b = byte_span.new(5)
    b:copy("hello")
    local v = b:sub(2, 4)
    getmetatable(proxy).__gc = function()
        print(label, tostring(v), #v, v.capacity, v:first(2):get_u16be())
    end
    return proxy
end

make("collected")
collectgarbage()
collectgarbage()
print("after collect")
-- Finalized when the VM closes.
keep = make("at close")

-- A root span (one made by new or append) finalized before such a
-- finalizer reads as empty, never as freed memory.
local function make_root_reader()
    local proxy = newproxy(true)
    local b = byte_span.append("root")
    getmetatable(proxy).__gc = function() print("root", #b, b.capacity) end
end
make_root_reader()
collectgarbage()
collectgarbage()
print("end of script")
