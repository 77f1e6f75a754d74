-- _CONTEXT is "main" in the entry module and nil in imported modules.
print('entry', _CONTEXT)
print('module', require('./ctx/mod').seen)
