-- A minimal cooperative scheduler on plain LuaJIT coroutines: the floor
-- the emilua figures are compared against.  It does the least a fiber
-- runtime must do, and nothing more (no cancellation, no scopes, no error
-- reporting, no IO):
--   * a FIFO ready queue; spawn = coroutine.create + enqueue (the spawner
--     keeps running, as with emilua's spawn); yield = re-enqueue self;
--   * join = park until the target is dead, the dying fiber enqueues its
--     joiner;
--   * sleep = a binary min-heap of wake-up times on a REAL clock
--     (CLOCK_MONOTONIC through the ffi); when the ready queue is empty the
--     loop nanosleep()s until the earliest deadline, so sleeping costs no
--     CPU, as in a real event loop;
--   * mutex with FIFO hand-off to waiters, condition variable with a FIFO
--     of parked fibers.
local ffi = require 'ffi'
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk, bench_timespec *ts);
int nanosleep(const bench_timespec *req, bench_timespec *rem);
]]
local C = ffi.C
local ts = ffi.new('bench_timespec')
local function now()
    C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end

local co_create, co_resume, co_yield, co_status =
    coroutine.create, coroutine.resume, coroutine.yield, coroutine.status
local setmetatable, error = setmetatable, error

local M = {now = now}

-- Ready queue: a table used as a sliding window; reset when drained so
-- the keys stay small and in the array part.
local q, qh, qt = {}, 1, 0
local function enqueue(f)
    qt = qt + 1
    q[qt] = f
end

local current

local Fiber = {}
Fiber.__index = Fiber

function M.spawn(fn)
    local f = setmetatable({dead = false}, Fiber)
    f.co = co_create(function()
        f.result = fn()
        f.dead = true
        local j = f.joiner
        if j then enqueue(j) end
    end)
    enqueue(f)
    return f
end

function Fiber:join()
    if not self.dead then
        self.joiner = current
        co_yield()
    end
    return self.result
end

function M.yield()
    enqueue(current)
    co_yield()
end

-- Timer heap: parallel arrays of deadlines and fibers.
local ht, hf, hn = {}, {}, 0

local function heap_push(t, f)
    hn = hn + 1
    local i = hn
    while i > 1 do
        local p = (i - i % 2) / 2
        if ht[p] <= t then break end
        ht[i], hf[i] = ht[p], hf[p]
        i = p
    end
    ht[i], hf[i] = t, f
end

local function heap_pop()
    local f = hf[1]
    local t, g = ht[hn], hf[hn]
    ht[hn], hf[hn] = nil, nil
    hn = hn - 1
    local i = 1
    while true do
        local c = i * 2
        if c > hn then break end
        if c < hn and ht[c + 1] < ht[c] then c = c + 1 end
        if t <= ht[c] then break end
        ht[i], hf[i] = ht[c], hf[c]
        i = c
    end
    if hn > 0 then ht[i], hf[i] = t, g end
    return f
end

function M.sleep(secs)
    heap_push(now() + secs, current)
    co_yield()
end

local sleep_ts = ffi.new('bench_timespec')
local function run_timers()
    local t = now()
    local d = ht[1] - t
    if d > 0 then
        sleep_ts.tv_sec = math.floor(d)
        sleep_ts.tv_nsec = (d - math.floor(d)) * 1e9
        C.nanosleep(sleep_ts, nil)
        t = now()
    end
    while hn > 0 and ht[1] <= t do
        enqueue(heap_pop())
    end
end

function M.run(main)
    M.spawn(main)
    while true do
        if qh <= qt then
            local f = q[qh]
            q[qh] = nil
            qh = qh + 1
            if qh > qt then qh, qt = 1, 0 end
            current = f
            local ok, err = co_resume(f.co)
            if not ok then error(err, 0) end
        elseif hn > 0 then
            run_timers()
        else
            break
        end
    end
end

-- FIFO wait list used by the mutex and the condition variable.
local function wl_new() return {h = 1, t = 0} end
local function wl_push(w, f)
    w.t = w.t + 1
    w[w.t] = f
end
local function wl_pop(w)
    local h = w.h
    if h > w.t then return nil end
    local f = w[h]
    w[h] = nil
    if h == w.t then w.h, w.t = 1, 0 else w.h = h + 1 end
    return f
end

local Mutex = {}
Mutex.__index = Mutex

function M.mutex()
    return setmetatable({locked = false, w = wl_new()}, Mutex)
end

function Mutex:lock()
    if not self.locked then
        self.locked = true
        return
    end
    wl_push(self.w, current)
    co_yield()  -- the unlocker handed ownership over
end

function Mutex:unlock()
    local f = wl_pop(self.w)
    if f then enqueue(f) else self.locked = false end
end

local Cond = {}
Cond.__index = Cond

function M.condition_variable()
    return setmetatable({w = wl_new()}, Cond)
end

function Cond:wait(m)
    wl_push(self.w, current)
    m:unlock()
    co_yield()
    m:lock()
end

function Cond:notify_one()
    local f = wl_pop(self.w)
    if f then enqueue(f) end
end

function Cond:notify_all()
    local f = wl_pop(self.w)
    while f do
        enqueue(f)
        f = wl_pop(self.w)
    end
end

return M
