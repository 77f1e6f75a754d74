local co
co = coroutine.create(function()
    local me = coroutine.running()
    print(type(me), rawequal(me, co), coroutine.status(me))
end)
coroutine.resume(co)
