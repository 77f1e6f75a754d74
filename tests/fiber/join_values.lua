local f = spawn(function() return 1, 'two', true end)
print(f:join())
