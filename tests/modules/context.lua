-- _CONTEXT is "main" in the entry module and "" in imported modules
-- (it is not passed on).
print('entry', _CONTEXT)
print('module', require('./ctx/mod').seen)
