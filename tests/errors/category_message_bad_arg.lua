local cat = require('generic_error').EINVAL.category
print(pcall(cat.message, cat, 'x'))
print(pcall(cat.message, cat))
print(pcall(cat.message, 42, 1))
