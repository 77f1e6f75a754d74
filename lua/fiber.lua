-- The Lua half of fibers: scopes and cleanup handlers, the pcall family,
-- and the trampoline every fiber starts in.  Written in Lua (not C) so
-- that fibers can suspend from inside pcall and scope without a C frame
-- in the way.  Receives private natives and returns a table of closures;
-- nothing here is reachable from user code except what C installs.

local N = ...
local raw_pcall, raw_xpcall = N.pcall, N.xpcall
local running, type, error, select = N.running, N.type, N.error, N.select
local setmetatable, getmetatable = N.setmetatable, N.getmetatable
local check_cancel = N.check_cancel               -- raises when canceled
local disable_cancellation = N.disable_cancellation
local restore_cancellation = N.restore_cancellation
local cleanup_failed = N.cleanup_failed           -- terminates the VM
local make_traceback = N.make_traceback
local report_early = N.report_early
local no_handler_error = N.no_handler_error

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
        error('scope: argument #1 must be a function (got ' .. type(f) ..
              ')', 2)
    end
    local co = running()
    local base, saved = enter(co)
    return rethrow(leave(co, base, saved, raw_pcall(f, ...)))
end

local function scope_cleanup_push(h)
    if type(h) ~= 'function' then
        error('scope_cleanup_push: argument #1 must be a function (got ' ..
              type(h) .. ')', 2)
    end
    local co = running()
    local st = stacks[co]
    if st == nil then
        st = {n = 0, base = 0}
        stacks[co] = st
    end
    local n = st.n + 1
    st[n] = h
    st.n = n
end

local function scope_cleanup_pop(execute)
    if execute ~= nil and type(execute) ~= 'boolean' then
        error('scope_cleanup_pop: argument #1 must be a boolean (got ' ..
              type(execute) .. ')', 2)
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

-- An error escaping a fiber: box it with its traceback, taken while the
-- stack is still there.
local box_mt = {}
local function on_error(e)
    return setmetatable({e, make_traceback(e)}, box_mt)
end

local function fiber_finish(ok, ...)
    local st = stacks[running()]
    if ok then
        if st ~= nil and st.n > 0 then run_cleanups(st, 0) end
        return true, ...
    end
    local e, tb = ...
    if getmetatable(e) == box_mt then
        e, tb = e[1], e[2]
    end
    -- The uncaught-error hook runs before the dead fiber's handlers.
    report_early(e, tb)
    if st ~= nil and st.n > 0 then run_cleanups(st, 0) end
    return false, e, tb
end

-- Not vararg, and as few slots as possible: the deeper the stack at a
-- native call, the likelier LuaJIT doubles the thread's stack, which is
-- most of a sleeping fiber's memory.
local function trampoline(f)
    return fiber_finish(raw_xpcall(f, on_error))
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
    trampoline = trampoline,
    coroutine_body = coroutine_body,
    wrap_suspending = wrap_suspending,
}
