local e = require('generic_error').EPIPE
e.where = 'err/table'
error(e)
