-- require() from a fiber other than a module's main fiber raises, even
-- for a builtin module.
local f = spawn(function()
    local ok, e = pcall(require, 'time')
    print('spawned fiber:', ok, e, e.category)
    ok, e = pcall(require, './once/counter')
    print('spawned fiber:', ok, e)
end)
f:join()
print('main fiber:', type(require('time').sleep))
