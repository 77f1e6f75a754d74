/* The condition_variable module (pthread_cond_* model) for fibers.
 *
 * A waiter lives in the condition variable's FIFO until it is notified or
 * canceled; either way it then queues for its mutex like any locker and
 * wait() only returns (or raises fiber_canceled) once the fiber owns the
 * mutex again.  A canceled waiter leaves the FIFO, so it never swallows a
 * notification meant for the others. */
#include <errno.h>

#include "sync.h"

struct cond {
    struct emilua_waitq waiters;
};

static int cond_gc(lua_State *L);

static const luaL_Reg cond_meta[] = {
    {"__gc", cond_gc},
    {NULL, NULL},
};

static int cond_wait(lua_State *L);
static int cond_notify_one(lua_State *L);
static int cond_notify_all(lua_State *L);

static const emilua_reg cond_methods[] = {
    {"wait", cond_wait, EMILUA_SUSPENDS},
    {"notify_one", cond_notify_one, 0},
    {"notify_all", cond_notify_all, 0},
    {NULL, NULL, 0},
};

static const emilua_udata_type cond_type = {
    "condition_variable", cond_methods, cond_meta, NULL,
};

static struct cond *check_cond(lua_State *L)
{
    return emilua_check_udata(L, 1, &cond_type);
}

static int cond_new(lua_State *L)
{
    struct cond *c = emilua_new_udata(L, &cond_type, sizeof *c);
    *c = (struct cond){0};
    return 1;
}

static void cond_cancel(emilua_fiber *f, void *data)
{
    struct sync_waiter *w = data;
    if (sync_vm_closing(f)) {
        /* The fiber is being released: no mutex to give back to. */
        if (emilua_waiter_linked(&w->link))
            emilua_waitq_unlink(&w->link);
        free(w);
        emilua_resume_canceled(f);
        return;
    }
    /* Already notified: the wait has happened and the fiber only waits
     * for its mutex now.  The cancellation stays pending for the next
     * cancellation point; the mutex handoff resumes the fiber. */
    if (w->notified)
        return;
    emilua_waitq_unlink(&w->link);
    w->canceled = true;
    sync_mutex_acquire_for(w->mutex, w);
}

static int cond_wait(lua_State *L)
{
    struct cond *c = check_cond(L);
    struct sync_mutex *m = emilua_test_udata(L, 2, &sync_mutex_type);
    if (!m)
        return emilua_arg_error(L, 2, "m", "a mutex");
    if (!m->locked || m->owner != emilua_current_fiber(emilua_vm_of(L)))
        return emilua_raise_error(L, &emilua_generic_category, EPERM);
    /* Before the mutex is released: a pending cancellation (or a forbidden
     * suspension) raises with the mutex still held, as after a wait. */
    emilua_fiber *f = emilua_begin_suspend(L);
    struct sync_waiter *w = sync_mutex_enqueue(L, m, &c->waiters, f);
    w->mutex = m;
    sync_block(w, "No scheduled fibers remaining to notify "
               "condition_variable %p", c);
    sync_mutex_release(m);
    return emilua_suspend(L, f, cond_cancel, w);
}

static void wake(struct sync_waiter *w)
{
    w->notified = true;
    sync_mutex_acquire_for(w->mutex, w);
}

static int cond_notify_one(lua_State *L)
{
    struct cond *c = check_cond(L);
    struct sync_waiter *w = sync_waiter_pop(&c->waiters);
    if (w)
        wake(w);
    return 0;
}

static int cond_notify_all(lua_State *L)
{
    struct cond *c = check_cond(L);
    struct sync_waiter *w;
    while ((w = sync_waiter_pop(&c->waiters)))
        wake(w);
    return 0;
}

/* Waiters keep the condition variable reachable, and a closing VM cancels
 * them before collecting anything, so the queue is empty here; freeing
 * leftovers (without touching fibers) is only a safety net. */
static int cond_gc(lua_State *L)
{
    struct cond *c = lua_touserdata(L, 1);
    sync_queue_free(&c->waiters);
    return 0;
}

static const emilua_reg cond_funcs[] = {
    {"new", cond_new, 0},
    {NULL, NULL, 0},
};

int emilua_open_condition_variable(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "condition_variable", cond_funcs);
    return 1;
}
