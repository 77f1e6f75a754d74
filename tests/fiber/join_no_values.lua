local f = spawn(function() end)
print(select('#', f:join()))
