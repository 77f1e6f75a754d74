local w = coroutine.wrap(function() error('wrapped failure', 0) end)
print(pcall(w))
