-- Views of views keep the block alive after every other span of it is
-- gone, through many collections; a zero-capacity view needs no block.
local keep = {}
for i = 1, 200 do
    local b = byte_span.new(8, 16)
    b:fill(string.byte("a") + i % 26)
    local v = b:sub(2, 7):sub(2, 5):last(2)
    keep[i] = v
    if i % 50 == 0 then collectgarbage() end
end
for _ = 1, 3 do collectgarbage() end
local ok = 0
for i = 1, 200 do
    local v = keep[i]
    if tostring(v) == string.rep(string.char(string.byte("a") + i % 26), 2)
        and v.capacity == 12 then
        ok = ok + 1
    end
end
print(ok)

-- The whole block stays reachable through a view's capacity.
local tail = keep[1]:sub(1, 12)
print(#tail, tail:sub(1, 4), tail:sub(5, 12):find("\0") ~= nil)

-- A view at the very end has no capacity and no memory of its own.
local b = byte_span.append("abc")
local e = b:sub(4, 3)
b = nil
collectgarbage()
print(#e, e.capacity, tostring(e) == "", tostring(e:append("z")))

-- Spans made with a block and views of one compare by contents alike.
local root, view = byte_span.append("ab"), byte_span.append("xab"):sub(2, 3)
print(root == view, view == root, getmetatable(root) == getmetatable(view))
