print(pcall(spawn, 1))
print(pcall(spawn))
print(pcall(spawn, 'print'))
