/* The future module: a promise/future pair around one shared state (the
 * shared-future model: any number of fibers may get() the result).
 *
 * Both handles point at a malloc'd state counted by the two of them, and
 * share one environment table holding the result at [1], so the result
 * belongs to the pair and is collected with it (cycles through the result
 * included).  A promise collected before it is satisfied breaks the state:
 * every get(), now and later, raises broken_promise. */
#include <errno.h>

#include "sync.h"

enum state { PENDING, HAS_VALUE, HAS_ERROR, BROKEN };

struct shared {
    int handles;                  /* live promise/future handles */
    enum state state;
    struct emilua_waitq waiters;
};

struct handle {
    struct shared *s;             /* NULL only if creation failed */
};

static int promise_gc(lua_State *L);
static int future_gc(lua_State *L);
static int future_get(lua_State *L);
static int promise_set_value(lua_State *L);
static int promise_set_error(lua_State *L);

static const luaL_Reg promise_meta[] = {
    {"__gc", promise_gc},
    {NULL, NULL},
};

static const luaL_Reg future_meta[] = {
    {"__gc", future_gc},
    {NULL, NULL},
};

static const emilua_reg promise_methods[] = {
    {"set_value", promise_set_value, 0},
    {"set_error", promise_set_error, 0},
    {NULL, NULL, 0},
};

static const emilua_reg future_methods[] = {
    {"get", future_get, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

static const emilua_udata_type promise_type = {
    "promise", promise_methods, promise_meta, NULL,
};

static const emilua_udata_type future_type = {
    "future", future_methods, future_meta, NULL,
};

static int future_new(lua_State *L)
{
    /* Handles first, state last: a failed allocation leaves nothing to
     * free but handles whose __gc sees s == NULL. */
    lua_createtable(L, 1, 0);
    struct handle *p = emilua_new_udata(L, &promise_type, sizeof *p);
    p->s = NULL;
    lua_pushvalue(L, -2);
    lua_setfenv(L, -2);
    struct handle *f = emilua_new_udata(L, &future_type, sizeof *f);
    f->s = NULL;
    lua_pushvalue(L, -3);
    lua_setfenv(L, -2);
    struct shared *s = calloc(1, sizeof *s);
    if (!s)
        return emilua_raise_errno(L, ENOMEM);
    s->handles = 2;
    s->state = PENDING;
    p->s = f->s = s;
    return 2;
}

static void release(struct handle *h)
{
    struct shared *s = h->s;
    h->s = NULL;
    if (s && --s->handles == 0) {
        sync_queue_free(&s->waiters);
        free(s);
    }
}

/* Pushes the stored result of the handle at idx. */
static void push_result(lua_State *L, int idx)
{
    lua_getfenv(L, idx);
    lua_rawgeti(L, -1, 1);
    lua_remove(L, -2);
}

static void get_cancel(emilua_fiber *f, void *data)
{
    struct sync_waiter *w = data;
    emilua_waitq_unlink(&w->link);
    free(w);
    emilua_resume_canceled(f);
}

static int future_get(lua_State *L)
{
    struct handle *h = emilua_check_udata(L, 1, &future_type);
    struct shared *s = h->s;
    /* A cancellation point even when the result is ready, like join(). */
    emilua_fiber *f = emilua_begin_suspend(L);
    switch (s->state) {
    case HAS_VALUE:
        lua_pushnil(L);
        push_result(L, 1);
        return 2;
    case HAS_ERROR:
        push_result(L, 1);
        return 1;
    case BROKEN:
        emilua_push_error(L, &emilua_runtime_category,
                          EMILUA_ERRC_BROKEN_PROMISE);
        return 1;
    case PENDING:
        break;
    }
    struct sync_waiter *w = sync_enqueue(L, &s->waiters, f);
    sync_block(w, "Underlying promise for future %p is broken", s);
    return emilua_suspend(L, f, get_cancel, w);
}

/* Resumes every waiter with the value on top of L, as a result or as the
 * error to raise; pops it. */
static void wake_all(struct shared *s, lua_State *L, bool is_error)
{
    struct sync_waiter *w;
    while ((w = sync_waiter_pop(&s->waiters))) {
        emilua_fiber *f = w->link.fiber;
        free(w);
        if (is_error) {
            lua_pushvalue(L, -1);
            emilua_resume_error_from(f, L);
            continue;
        }
        lua_State *co = emilua_resume_begin(f);
        if (!co)
            continue;
        lua_pushvalue(L, -1);
        lua_xmove(L, co, 1);
        emilua_resume_end(f, 1);
    }
    lua_pop(L, 1);
}

static int satisfy(lua_State *L, enum state to)
{
    struct handle *h = emilua_check_udata(L, 1, &promise_type);
    lua_settop(L, 2);
    if (to == HAS_ERROR && lua_isnil(L, 2))
        return emilua_arg_error(L, 2, "e", "an error value");
    struct shared *s = h->s;
    if (s->state != PENDING)
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_PROMISE_ALREADY_SATISFIED);
    lua_getfenv(L, 1);
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, 1);
    lua_pop(L, 1);
    s->state = to;
    wake_all(s, L, to == HAS_ERROR);
    return 0;
}

static int promise_set_value(lua_State *L)
{
    return satisfy(L, HAS_VALUE);
}

static int promise_set_error(lua_State *L)
{
    return satisfy(L, HAS_ERROR);
}

static int promise_gc(lua_State *L)
{
    struct handle *h = lua_touserdata(L, 1);
    struct shared *s = h->s;
    /* At VM close the waiters were released already: no fiber to wake. */
    if (s && s->state == PENDING && !emilua_vm_closed(emilua_vm_of(L))) {
        s->state = BROKEN;
        emilua_push_error(L, &emilua_runtime_category,
                          EMILUA_ERRC_BROKEN_PROMISE);
        wake_all(s, L, true);
    }
    release(h);
    return 0;
}

static int future_gc(lua_State *L)
{
    release(lua_touserdata(L, 1));
    return 0;
}

static const emilua_reg future_funcs[] = {
    {"new", future_new, 0},
    {NULL, NULL, 0},
};

int emilua_open_future(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "future", future_funcs);
    return 1;
}
