-- The coroutine module Lua code sees: a shim over the raw one, so that
-- user coroutines can call suspending functions.  A native suspension
-- yields a private mark; when a resume returns it, the shim suspends the
-- whole fiber with it and, once the fiber is resumed, passes the values
-- down to the coroutine that is waiting.

local N, F = ...
local raw_create, raw_resume = N.create, N.resume
local raw_yield, raw_status, raw_running = N.yield, N.status, N.running
local raw_isyieldable = N.isyieldable
local unyieldable_enter, unyieldable_leave =
    N.unyieldable_enter, N.unyieldable_leave
local NATIVE, BAD_YIELD = N.native_mark, N.bad_yield_mark
local check_cancel, is_fiber_thread = N.check_cancel, N.is_fiber_thread
local busy_error, bad_coroutine_error = N.busy_error, N.bad_coroutine_error
local type, error, setmetatable = N.type, N.error, N.setmetatable
local coroutine_body = F.coroutine_body

-- Coroutines parked inside a native suspension of their fiber.
local busy = setmetatable({}, {__mode = 'k'})

local arg_error_value = N.arg_error

local function arg_error(fn, expected, got)
    error(arg_error_value(1, 'coroutine.' .. fn, nil, 'a ' .. expected, got))
end

local function create(f)
    if type(f) ~= 'function' then arg_error('create', 'function', f) end
    return raw_create(function(...) return coroutine_body(f, ...) end)
end

local resume_loop

local function after_native(co, ...)
    busy[co] = nil
    return resume_loop(co, raw_resume(co, ...))
end

-- Varargs throughout: a coroutine that returns or yields nothing must
-- give nothing back, not a nil.
resume_loop = function(co, ok, ...)
    if ok and (...) == NATIVE then
        busy[co] = true
        return after_native(co, raw_yield(NATIVE))
    end
    return ok, ...
end

local function resume(co, ...)
    if type(co) ~= 'thread' then arg_error('resume', 'coroutine', co) end
    if busy[co] then error(busy_error(), 2) end
    check_cancel()
    if raw_isyieldable() then
        return resume_loop(co, raw_resume(co, ...))
    end
    unyieldable_enter()
    return unyieldable_leave(raw_resume(co, ...))
end

local function yield_finish(...)
    if (...) == BAD_YIELD then error(bad_coroutine_error(), 3) end
    return ...
end

local function yield(...)
    return yield_finish(raw_yield(...))
end

local function status(co)
    if type(co) ~= 'thread' then arg_error('status', 'coroutine', co) end
    if busy[co] then return 'normal' end
    return raw_status(co)
end

local function running()
    local co = raw_running()
    if is_fiber_thread(co) then return nil end
    return co
end

local function wrap_finish(ok, ...)
    if not ok then error((...), 0) end
    return ...
end

local function wrap(f)
    if type(f) ~= 'function' then arg_error('wrap', 'function', f) end
    local co = create(f)
    return function(...) return wrap_finish(resume(co, ...)) end
end

return {
    create = create,
    resume = resume,
    yield = yield,
    status = status,
    running = running,
    wrap = wrap,
}
