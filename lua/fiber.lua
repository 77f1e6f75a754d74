-- The Lua half of fibers: scopes and cleanup handlers, the pcall family,
-- and the finisher that runs a dead fiber's root-scope handlers.  Written
-- in Lua (not C) so
-- that fibers can suspend from inside pcall and scope without a C frame
-- in the way.  Receives private natives and returns a table of closures;
-- nothing here is reachable from user code except what C installs.

local N = ...
local raw_pcall, raw_xpcall = N.pcall, N.xpcall
local running, type, error, select = N.running, N.type, N.error, N.select
local setmetatable = N.setmetatable
local check_cancel = N.check_cancel               -- raises when canceled
local disable_cancellation = N.disable_cancellation
local restore_cancellation = N.restore_cancellation
local cleanup_failed = N.cleanup_failed           -- terminates the VM
local note_root_scope = N.note_root_scope
local no_handler_error = N.no_handler_error
local arg_error = N.arg_error                     -- bad argument -> error
local getfenv, setfenv = N.getfenv, N.setfenv
local module_resolve, module_enter, module_leave =
    N.module_resolve, N.module_enter, N.module_leave

-- thread -> {n = #handlers, base = handlers owned by outer scopes, ...}
-- Created on first use, so fibers that never push a handler pay nothing.
-- Weak keys: handlers of a collected coroutine are dropped, never run.
local stacks = setmetatable({}, {__mode = 'k'})

local pcall_shim

local function run_cleanups(st, base)
    disable_cancellation()
    while st.n > base do
        local n = st.n
        local h = st[n]
        st[n] = nil
        st.n = n - 1
        local ok, e = pcall_shim(h)
        if not ok then
            restore_cancellation()
            return cleanup_failed(e)
        end
    end
    restore_cancellation()
end

local function leave(co, base, saved, ...)
    local st = stacks[co]
    if st ~= nil then
        if st.n > base then run_cleanups(st, base) end
        st.base = saved
    end
    return ...
end

local function enter(co)
    local st = stacks[co]
    if st == nil then return 0, 0 end
    local base, saved = st.n, st.base
    st.base = base
    return base, saved
end

pcall_shim = function(f, ...)
    check_cancel()
    local co = running()
    local base, saved = enter(co)
    return leave(co, base, saved, raw_pcall(f, ...))
end

local function xpcall_shim(f, handler, ...)
    check_cancel()
    local co = running()
    local base, saved = enter(co)
    return leave(co, base, saved, raw_xpcall(f, handler, ...))
end

local function rethrow(ok, ...)
    if not ok then error((...), 0) end
    return ...
end

local function scope(f, ...)
    if type(f) ~= 'function' then
        error(arg_error(1, 'scope', 'f', 'a function', f))
    end
    local co = running()
    local base, saved = enter(co)
    return rethrow(leave(co, base, saved, raw_pcall(f, ...)))
end

local function scope_cleanup_push(h)
    if type(h) ~= 'function' then
        error(arg_error(1, 'scope_cleanup_push', 'h', 'a function', h))
    end
    local co = running()
    local st = stacks[co]
    if st == nil then
        st = {n = 0, base = 0}
        stacks[co] = st
        note_root_scope(co)    -- the runtime runs its handlers at the end
    end
    local n = st.n + 1
    st[n] = h
    st.n = n
end

local function scope_cleanup_pop(execute)
    if execute ~= nil and type(execute) ~= 'boolean' then
        error(arg_error(1, 'scope_cleanup_pop', 'execute', 'a boolean',
                        execute))
    end
    local st = stacks[running()]
    if st == nil or st.n <= st.base then
        error(no_handler_error(), 2)
    end
    local n = st.n
    local h = st[n]
    st[n] = nil
    st.n = n - 1
    if execute ~= false then
        disable_cancellation()
        local ok, e = pcall_shim(h)
        restore_cancellation()
        if not ok then return cleanup_failed(e) end
    end
end

-- A fiber starts right in its function (no frames under it: every slot
-- counts when a thread's stack is small).  When it ends, if it pushed
-- handlers on its root scope, the runtime runs this on a thread of its
-- own, as the same fiber, after any uncaught-error report.
local function finisher(co)
    local st = stacks[co]
    if st ~= nil and st.n > 0 then run_cleanups(st, 0) end
end

-- A user coroutine's body runs in a scope of its own.
local function coroutine_finish(co, ok, ...)
    local st = stacks[co]
    if st ~= nil and st.n > 0 then run_cleanups(st, 0) end
    if not ok then error((...), 0) end
    return ...
end

local function coroutine_body(f, ...)
    return coroutine_finish(running(), raw_pcall(f, ...))
end

-- require(): a module's top level runs on the importing fiber itself (its
-- this_fiber, its fiber-local storage) as a scope, with the module's
-- environment as the thread's globals, so a module that replaces them
-- with setfenv(0, t) exports t.
local function require_finish(m, previous, saved_env, ok, ...)
    local exports = getfenv(0)
    setfenv(0, saved_env)
    if ok then
        module_leave(m, previous, true, exports)
        return exports
    end
    module_leave(m, previous, false, (...))
    error((...), 0)
end

local function require(...)
    local m, chunk, env = module_resolve(...)
    if m == nil then return chunk end
    local saved_env = getfenv(0)
    setfenv(0, env)
    local previous = module_enter(m)
    local co = running()
    local base, saved = enter(co)
    return require_finish(m, previous, saved_env,
                          leave(co, base, saved, raw_pcall(chunk)))
end

-- Suspending natives return (nil, results...) or (err).
local function check(e, ...)
    if e ~= nil then error(e, 0) end
    return ...
end

local function wrap_suspending(native)
    return function(...) return check(native(...)) end
end

return {
    pcall = pcall_shim,
    xpcall = xpcall_shim,
    scope = scope,
    scope_cleanup_push = scope_cleanup_push,
    scope_cleanup_pop = scope_cleanup_pop,
    finisher = finisher,
    coroutine_body = coroutine_body,
    wrap_suspending = wrap_suspending,
    require = require,
}
