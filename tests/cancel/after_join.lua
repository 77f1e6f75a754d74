local f = spawn(function() return 1 end)
f:join()
print(pcall(f.cancel, f))
print(f.joinable, f.cancellation_caught)
