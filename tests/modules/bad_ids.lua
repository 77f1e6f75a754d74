-- Malformed relative ids raise "Cannot have a module with this name" (with the id).
local ids = {'./', './a//b', './a/../b', './a/./b', './a/', '/', '//a',
             './/a', '/rel/../x'}
for _, id in ipairs(ids) do
    local ok, e = pcall(require, id)
    print(id, ok, e, e.module)
end
