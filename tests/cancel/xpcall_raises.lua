local f = spawn(function()
    print('start')
    xpcall(function() print('f ran') end,
           function(m) print('handler ran') return m end)
    print('not reached')
end)
f:cancel()
f:join()
print(f.cancellation_caught)
