scope(function()
    local ok, e = pcall(scope_cleanup_pop)
    print(ok, tostring(e), tostring(e.category))
end)
