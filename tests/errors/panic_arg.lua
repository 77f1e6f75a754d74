-- An uncaught error table prints its message and its extra fields.
require('time').sleep(0/0)
