-- Error tables print their category message and their extra fields.
local e = require('generic_error').EPIPE
e.peer = 'db'
spawn(function()
    error(e)
end):detach()
this_fiber.yield()
print('done')
