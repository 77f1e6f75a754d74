-- spawn_vm() and spawn_context_threads() check their arguments.
local function try(f, ...)
    local ok, e = pcall(f, ...)
    if type(e) == 'table' then
        print(ok, tostring(e), tostring(e.category), e.arg, e.func, e.argname, e.module)
    else
        print(ok, e)
    end
end
if _CONTEXT == 'main' then
    try(spawn_vm, 42)
    try(spawn_vm, {})
    try(spawn_vm, {module = '.', inherit_context = 'no'})
    try(spawn_vm, {module = '.', concurrency_hint = -1})
    try(spawn_vm, './no_such_module')
    try(spawn_vm, 'no_such_package')
    try(spawn_vm, {module = '.', subprocess = true})
    try(spawn_context_threads, 'x')
    try(spawn_context_threads, -1)
    local inbox = require 'inbox'
    try(inbox.receive, {})
    try(spawn_vm('.').send)
end
