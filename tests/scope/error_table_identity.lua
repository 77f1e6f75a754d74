local err = {reason = 'custom'}
local ok, e = pcall(scope, function() error(err) end)
print(ok, rawequal(e, err), e.reason)
