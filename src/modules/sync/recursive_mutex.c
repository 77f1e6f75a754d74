/* The recursive_mutex module: like mutex, but the owning fiber may lock
 * again; each lock adds a level and each unlock drops one.  When the last
 * level goes the mutex passes to the first parked fiber (FIFO). */
#include <errno.h>

#include "sync.h"

struct rmutex {
    emilua_fiber *owner;          /* identity only: never dereferenced */
    lua_Integer levels;           /* 0: free */
    struct emilua_waitq waiters;
};

static int rmutex_gc(lua_State *L);

static const luaL_Reg rmutex_meta[] = {
    {"__gc", rmutex_gc},
    {NULL, NULL},
};

static int rmutex_lock(lua_State *L);
static int rmutex_try_lock(lua_State *L);
static int rmutex_unlock(lua_State *L);

static const emilua_reg rmutex_methods[] = {
    {"lock", rmutex_lock, EMILUA_SUSPENDS},
    {"try_lock", rmutex_try_lock, 0},
    {"unlock", rmutex_unlock, 0},
    {NULL, NULL, 0},
};

static const emilua_udata_type rmutex_type = {
    "recursive_mutex", rmutex_methods, rmutex_meta, NULL,
};

static struct rmutex *check_rmutex(lua_State *L)
{
    return emilua_check_udata(L, 1, &rmutex_type);
}

static int rmutex_new(lua_State *L)
{
    struct rmutex *m = emilua_new_udata(L, &rmutex_type, sizeof *m);
    *m = (struct rmutex){0};
    return 1;
}

/* Takes the mutex, or one more level of it, when that needs no wait. */
static bool try_take(struct rmutex *m, emilua_fiber *me)
{
    if (m->levels == 0) {
        m->owner = me;
        m->levels = 1;
        return true;
    }
    if (m->owner == me) {
        m->levels++;
        return true;
    }
    return false;
}

static int rmutex_lock(lua_State *L)
{
    struct rmutex *m = check_rmutex(L);
    /* checked even when the mutex is free: lock() may suspend */
    emilua_fiber *me = emilua_begin_suspend_uncancellable(L);
    if (try_take(m, me)) {
        lua_pushnil(L);
        return 1;
    }
    sync_block(sync_enqueue(L, &m->waiters, me), "No scheduled fibers "
               "remaining to unlock recursive_mutex %p", m);
    return emilua_suspend(L, me, NULL, NULL);
}

static int rmutex_try_lock(lua_State *L)
{
    struct rmutex *m = check_rmutex(L);
    lua_pushboolean(L, try_take(m, emilua_current_fiber(emilua_vm_of(L))));
    return 1;
}

static int rmutex_unlock(lua_State *L)
{
    struct rmutex *m = check_rmutex(L);
    if (m->levels == 0 || m->owner != emilua_current_fiber(emilua_vm_of(L)))
        return emilua_raise_error(L, &emilua_generic_category, EPERM);
    if (--m->levels > 0)
        return 0;
    struct sync_waiter *w = sync_waiter_pop(&m->waiters);
    if (!w) {
        m->owner = NULL;
        return 0;
    }
    m->owner = w->link.fiber;
    m->levels = 1;
    free(w);
    emilua_resume_nothing(m->owner);
    return 0;
}

/* See mutex_gc: only a closing VM collects a mutex with waiters. */
static int rmutex_gc(lua_State *L)
{
    struct rmutex *m = lua_touserdata(L, 1);
    sync_queue_free(&m->waiters);
    return 0;
}

static const emilua_reg rmutex_funcs[] = {
    {"new", rmutex_new, 0},
    {NULL, NULL, 0},
};

int emilua_open_recursive_mutex(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "recursive_mutex", rmutex_funcs);
    return 1;
}
