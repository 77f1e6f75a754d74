-- A finalizer may keep a span it reaches, or hand it to another object
-- with a finalizer: the span's bytes stay readable all along.
local function make_saver()
    local proxy = newproxy(true)
    local b = byte_span.new(4)
    b:copy("wxyz")
    local v = b:sub(2, 3)
    getmetatable(proxy).__gc = function() saved = v end
end

local function make_chain()
    local proxy = newproxy(true)
    local b = byte_span.append("chain")
    local v = b:last(3)
    getmetatable(proxy).__gc = function()
        local p2 = newproxy(true)
        getmetatable(p2).__gc = function()
            print("second finalizer", tostring(v), #v, v.capacity)
        end
    end
end

make_saver()
make_chain()
for _ = 1, 4 do collectgarbage() end
print("saved", saved, #saved, saved.capacity)
saved[1] = string.byte("X")
for _ = 1, 4 do collectgarbage() end
print("saved", saved, saved:sub(1, 3))
