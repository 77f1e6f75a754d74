local e = require('generic_error').EPIPE
e.context = 'writing the reply'
error(e)
