local sleep = require('time').sleep
scope_cleanup_push(function()
    sleep(0)
    print('main handler slept')
end)
print('main body end')
