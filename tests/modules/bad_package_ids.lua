-- Package ids (outside the project) are names of letters, digits, '_' and
-- '-' (not at either end), separated by single slashes.
for _, id in ipairs{'aaa-', '-aaa', 'a b', 'a.b', 'a//b', 'a/', 'é'} do
    local ok, e = pcall(require, id)
    print(id, ok, e, e.module)
end
-- Well-formed but absent: not found.
for _, id in ipairs{'a-b', 'a_b/c-d', 'A9'} do
    local ok, e = pcall(require, id)
    print(id, ok, e, e.module)
end
