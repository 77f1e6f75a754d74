-- A syntax error in a module raises the Lua compiler's message.
local ok, e = pcall(require, './err/syntax')
print(ok, e)
