local ok, e = pcall(require, '/cycle_entry')
print('import entry:', ok, e, e.module)
