local f = spawn(function() end)
print(pcall(function() f.join() end))
print(pcall(function() f.join(1) end))
print(f.joinable)
