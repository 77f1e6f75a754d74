/* The mutex module: a non-recursive fiber mutex.  lock() takes a free
 * mutex at once (dispatch semantics) and otherwise parks the fiber in a
 * FIFO that cancellation cannot break into; unlock() hands the mutex
 * straight to the first parked fiber, so a woken fiber never has to race
 * for it. */
#include <errno.h>

#include "sync.h"

static int mutex_gc(lua_State *L);

static const luaL_Reg mutex_meta[] = {
    {"__gc", mutex_gc},
    {NULL, NULL},
};

static int mutex_lock(lua_State *L);
static int mutex_try_lock(lua_State *L);
static int mutex_unlock(lua_State *L);

static const emilua_reg mutex_methods[] = {
    /* not wrapped: once suspended, a lock can only succeed */
    {"lock", mutex_lock, 0},
    {"try_lock", mutex_try_lock, 0},
    {"unlock", mutex_unlock, 0},
    {NULL, NULL, 0},
};

const emilua_udata_type sync_mutex_type = {
    "mutex", mutex_methods, mutex_meta, NULL,
};

static void hand_to(struct sync_mutex *m, struct sync_waiter *w)
{
    emilua_fiber *f = w->link.fiber;
    bool canceled = w->canceled;
    sync_mutex_recycle(m, w);
    m->locked = true;
    m->owner = f;
    if (canceled)
        emilua_resume_canceled(f);
    else
        emilua_resume_void(f);
}

void sync_mutex_acquire_for(struct sync_mutex *m, struct sync_waiter *w)
{
    if (m->locked) {
        emilua_waitq_push(&m->waiters, &w->link, w->link.fiber);
        sync_block(w, SYNC_MUTEX_BLOCKED, m);
    } else
        hand_to(m, w);
}

void sync_mutex_release(struct sync_mutex *m)
{
    struct sync_waiter *w = sync_waiter_pop(&m->waiters);
    if (w) {
        hand_to(m, w);
    } else {
        m->locked = false;
        m->owner = NULL;
    }
}

static struct sync_mutex *check_mutex(lua_State *L)
{
    return emilua_check_udata(L, 1, &sync_mutex_type);
}

static int mutex_new(lua_State *L)
{
    struct sync_mutex *m = emilua_new_udata(L, &sync_mutex_type, sizeof *m);
    *m = (struct sync_mutex){0};
    return 1;
}

static int mutex_lock(lua_State *L)
{
    struct sync_mutex *m = check_mutex(L);
    /* checked even when the mutex is free: lock() may suspend */
    emilua_fiber *me = emilua_begin_suspend_uncancellable(L);
    if (!m->locked) {
        m->locked = true;
        m->owner = me;
        return 0;
    }
    /* Waiting for ourselves would park the fiber for good, and lock() is
     * not a cancellation point, so nothing could ever get it back. */
    if (m->owner == me)
        return emilua_raise_error(L, &emilua_generic_category, EDEADLK);
    sync_block(sync_mutex_enqueue(L, m, &m->waiters, me), SYNC_MUTEX_BLOCKED,
               m);
    return emilua_suspend(L, me, NULL, NULL);
}

static int mutex_try_lock(lua_State *L)
{
    struct sync_mutex *m = check_mutex(L);
    emilua_fiber *me = emilua_current_fiber(emilua_vm_of(L));
    if (!m->locked) {
        m->locked = true;
        m->owner = me;
        lua_pushboolean(L, 1);
        return 1;
    }
    if (me && m->owner == me)
        return emilua_raise_error(L, &emilua_generic_category, EDEADLK);
    lua_pushboolean(L, 0);
    return 1;
}

static int mutex_unlock(lua_State *L)
{
    struct sync_mutex *m = check_mutex(L);
    if (!m->locked || m->owner != emilua_current_fiber(emilua_vm_of(L)))
        return emilua_raise_error(L, &emilua_generic_category, EPERM);
    sync_mutex_release(m);
    return 0;
}

/* Parked fibers keep the mutex reachable (it is an argument on their
 * stack), so only a closing VM collects a mutex with waiters, and then the
 * fibers are the core's to free. */
static int mutex_gc(lua_State *L)
{
    struct sync_mutex *m = lua_touserdata(L, 1);
    sync_queue_free(&m->waiters);
    while (m->spare) {
        struct sync_waiter *w = m->spare;
        m->spare = (struct sync_waiter *)(void *)w->link.next;
        free(w);
    }
    return 0;
}

static const emilua_reg mutex_funcs[] = {
    {"new", mutex_new, 0},
    {NULL, NULL, 0},
};

int emilua_open_mutex(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "mutex", mutex_funcs);
    return 1;
}
