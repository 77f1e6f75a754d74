local f = spawn(function() error('boom') end)
print(pcall(f.join, f))
print(f.joinable)
