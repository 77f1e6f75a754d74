print(pcall(require, 42))
print(pcall(require, {}))
print(pcall(require, nil))
print(pcall(require))
