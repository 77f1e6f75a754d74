local ok, e = pcall(require, '/cyc/self')
print('self import:', ok, e, e.module)
