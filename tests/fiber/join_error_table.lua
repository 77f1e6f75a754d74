local err = {code = 42, why = 'because'}
local f = spawn(function() error(err) end)
local ok, e = pcall(f.join, f)
print(ok, rawequal(e, err), e.code, e.why)
