-- Malformed relative ids raise "Invalid module id" (with the id).
local ids = {'./', './a//b', './a/../b', './a/./b', './a/', '/', '//a',
             './/a', '/rel/../x'}
for _, id in ipairs(ids) do
    local ok, e = pcall(require, id)
    print(id, ok, e, e.module)
end
