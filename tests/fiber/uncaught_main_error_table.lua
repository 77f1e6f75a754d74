local e = require('generic_error').ENOENT
e.path = '/nowhere'
error(e)
