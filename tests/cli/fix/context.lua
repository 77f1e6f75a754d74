print('entry', _CONTEXT)
print('module', require('./ctxmod').seen)
