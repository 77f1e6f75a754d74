print(pcall(coroutine.create, 1))
print(pcall(coroutine.wrap, nil))
print(pcall(coroutine.resume, 'x'))
print(pcall(coroutine.status, {}))
