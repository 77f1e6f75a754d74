local f = spawn(function() end)
f:join()
print(pcall(f.detach, f))
