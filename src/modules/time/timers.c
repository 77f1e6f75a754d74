/* steady_timer and system_timer: waitable timers as in Boost.Asio.  A
 * timer is "expired" once its clock reaches its expiry; wait() suspends
 * until then.  Changing the expiry or calling cancel() aborts the waits
 * in progress with operation_aborted (for now the system error
 * ECANCELED).
 *
 * Each timer object owns one uv_timer_t, armed only while some fiber
 * waits, on the shared object life cycle (emilua/object.h). */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <emilua/object.h>

#include "time_module.h"

struct timer_kind {
    const struct time_clock *clock;
    const emilua_udata_type *type;
    /* How long to trust a wait before looking at the clock again: the
     * system clock may be set forward while we wait. */
    uint64_t max_wait_ms;
};

struct timer {
    emilua_object obj;
    uv_timer_t handle;
    const struct timer_kind *kind;
    int64_t expiry;                 /* ns since the clock's epoch */
    struct emilua_waitq waits;      /* a malloc'd node per wait() */
};

/* ---- the waits ---------------------------------------------------------- */

static void on_timer(uv_timer_t *h);

static void free_waiter(struct emilua_waiter *w)
{
    free(w);
}

/* libuv counts time in milliseconds from the loop's cached clock, which
 * lags the real one; so the callback looks at the clock again and
 * re-arms when it came early.  A wait thus never ends before the
 * expiry. */
static void arm(struct timer *t)
{
    uv_update_time(t->handle.loop);
    int64_t now = time_clock_now(t->kind->clock);
    uint64_t ms = 0;
    if (t->expiry > now) {
        uint64_t left = (uint64_t)t->expiry - (uint64_t)now;
        ms = left / 1000000 + (left % 1000000 != 0);
    }
    if (ms > t->kind->max_wait_ms)
        ms = t->kind->max_wait_ms;
    int rc = uv_timer_start(&t->handle, on_timer, ms, 0);
    assert(rc == 0);    /* fails only for a NULL callback */
    (void)rc;
}

/* Ends every pending wait with status; returns how many. */
static int end_waits(struct timer *t, int status)
{
    int n = emilua_object_end_waits(&t->obj, &t->waits, status, free_waiter);
    uv_timer_stop(&t->handle);
    return n;
}

static void on_timer(uv_timer_t *h)
{
    struct timer *t = h->data;
    if (time_clock_now(t->kind->clock) < t->expiry) {
        arm(t);
        return;
    }
    end_waits(t, 0);
}

/* fiber:cancel() on a waiting fiber: the wait has not happened. */
static void wait_canceller(emilua_fiber *f, void *data)
{
    struct emilua_waiter *w = data;
    struct timer *t = EMILUA_CONTAINER_OF(w->queue, struct timer, waits);
    emilua_waitq_unlink(w);
    free(w);
    if (emilua_waitq_empty(&t->waits))
        uv_timer_stop(&t->handle);
    emilua_resume_canceled(f);
}

/* ---- members ------------------------------------------------------------ */

static struct timer *check_timer(lua_State *L, const struct timer_kind *k)
{
    struct timer *t = emilua_object_test(L, 1, k->type);
    if (!t) {
        char expected[64];
        snprintf(expected, sizeof expected, "a %s", k->type->name);
        emilua_arg_error(L, 1, "self", expected);
    }
    return t;
}

/* GC: a pending wait keeps its timer reachable (the waiting fiber holds
 * it), so there is normally nothing left to abort here. */
static void timer_close(emilua_object *o)
{
    struct timer *t = (struct timer *)o;
    if (o->open_handles == 0)   /* uv_timer_init failed */
        return;
    end_waits(t, EMILUA_ABORTED);
    emilua_object_close_handle((uv_handle_t *)&t->handle);
}

static const emilua_object_ops timer_ops = {timer_close, NULL, NULL};

static int timer_new(lua_State *L, const struct timer_kind *k)
{
    struct timer *t = emilua_object_new(L, k->type, sizeof *t, &timer_ops);
    int rc = uv_timer_init(emilua_vm_loop(emilua_vm_of(L)), &t->handle);
    if (rc != 0)
        return emilua_raise_errno(L, -rc);
    emilua_object_add_handle(&t->obj, (uv_handle_t *)&t->handle);
    t->kind = k;
    t->expiry = 0;      /* the clock's epoch: a new timer has expired */
    return 1;
}

static int timer_wait(lua_State *L, const struct timer_kind *k)
{
    struct timer *t = check_timer(L, k);
    emilua_fiber *f = emilua_begin_suspend(L);
    struct emilua_waiter *w = calloc(1, sizeof *w);
    if (!w)
        return emilua_raise_errno(L, ENOMEM);
    bool first = emilua_waitq_empty(&t->waits);
    emilua_waitq_push(&t->waits, w, f);
    if (first)
        arm(t);
    return emilua_suspend(L, f, wait_canceller, w);
}

static int timer_cancel(lua_State *L, const struct timer_kind *k)
{
    struct timer *t = check_timer(L, k);
    lua_pushinteger(L, end_waits(t, EMILUA_ABORTED));
    return 1;
}

static int timer_expires_at(lua_State *L, const struct timer_kind *k)
{
    struct timer *t = check_timer(L, k);
    int64_t expiry = time_check_point(L, 2, k->clock, "tp");
    int n = end_waits(t, EMILUA_ABORTED);
    t->expiry = expiry;
    lua_pushinteger(L, n);
    return 1;
}

static int timer_expires_after(lua_State *L, const struct timer_kind *k)
{
    struct timer *t = check_timer(L, k);
    emilua_check_number(L, 2, "secs");
    int64_t d, expiry;
    if (!time_secs_to_ns(lua_tonumber(L, 2), &d) ||
        __builtin_add_overflow(time_clock_now(k->clock), d, &expiry))
        return emilua_raise_einval_arg(L, 2);
    int n = end_waits(t, EMILUA_ABORTED);
    t->expiry = expiry;
    lua_pushinteger(L, n);
    return 1;
}

static int timer_index(lua_State *L, const struct timer_kind *k)
{
    struct timer *t = check_timer(L, k);
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    if (strcmp(key, "expiry") == 0) {
        time_push_point(L, k->clock, t->expiry);
        return 1;
    }
    return luaL_error(L, "%s: no field '%s'", k->type->name, key);
}

static int timer_newindex(lua_State *L, const struct timer_kind *k)
{
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "%s: field '%s' cannot be assigned", k->type->name,
                      key);
}

/* ---- per kind bindings ---------------------------------------------------
 * Thin wrappers so that each function knows its kind of timer.  The
 * reference gives system_timer no expires_after(). */

#define TIMER_BINDINGS(k)                                                    \
    static int k##_new(lua_State *L) { return timer_new(L, &k##_kind); }     \
    static int k##_wait(lua_State *L) { return timer_wait(L, &k##_kind); }   \
    static int k##_cancel(lua_State *L)                                      \
    { return timer_cancel(L, &k##_kind); }                                   \
    static int k##_expires_at(lua_State *L)                                  \
    { return timer_expires_at(L, &k##_kind); }                               \
    static int k##_index(lua_State *L) { return timer_index(L, &k##_kind); } \
    static int k##_newindex(lua_State *L)                                    \
    { return timer_newindex(L, &k##_kind); }                                 \
    static const luaL_Reg k##_meta[] = {                                     \
        {"__gc", emilua_object_gc}, {"__newindex", k##_newindex}, {NULL, NULL},      \
    };                                                                       \
    static const emilua_reg k##_funcs[] = {                                  \
        {"new", k##_new, 0}, {NULL, NULL, 0},                                \
    };

static const struct timer_kind steady_timer_kind, system_timer_kind;

TIMER_BINDINGS(steady_timer)
TIMER_BINDINGS(system_timer)

static int steady_timer_expires_after(lua_State *L)
{
    return timer_expires_after(L, &steady_timer_kind);
}

static const emilua_reg steady_timer_methods[] = {
    {"wait", steady_timer_wait, EMILUA_SUSPENDS},
    {"cancel", steady_timer_cancel, 0},
    {"expires_at", steady_timer_expires_at, 0},
    {"expires_after", steady_timer_expires_after, 0},
    {NULL, NULL, 0},
};

static const emilua_reg system_timer_methods[] = {
    {"wait", system_timer_wait, EMILUA_SUSPENDS},
    {"cancel", system_timer_cancel, 0},
    {"expires_at", system_timer_expires_at, 0},
    {NULL, NULL, 0},
};

static const emilua_udata_type steady_timer_type = {
    "time.steady_timer", steady_timer_methods, steady_timer_meta,
    steady_timer_index,
};

static const emilua_udata_type system_timer_type = {
    "time.system_timer", system_timer_methods, system_timer_meta,
    system_timer_index,
};

static const struct timer_kind steady_timer_kind = {
    &time_steady_clock, &steady_timer_type, UINT64_MAX,
};

static const struct timer_kind system_timer_kind = {
    &time_system_clock, &system_timer_type, 5 * 60 * 1000,
};

void time_open_timers(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "time.steady_timer", steady_timer_funcs);
    lua_setfield(L, -2, "steady_timer");

    lua_newtable(L);
    emilua_set_funcs(L, "time.system_timer", system_timer_funcs);
    lua_setfield(L, -2, "system_timer");
}
