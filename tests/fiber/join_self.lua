local f
f = spawn(function()
    print(pcall(f.join, f))
    return 'done'
end)
print(f:join())
