local f = spawn(function() print('ran') end)
f:detach()
print(f.joinable)
print(pcall(f.join, f))
