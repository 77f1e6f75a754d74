/* Shared by the synchronisation modules: a FIFO of suspended fibers and
 * the mutex struct, which condition_variable.wait() releases and
 * re-acquires on the waiter's behalf. */
#ifndef EMILUA_SYNC_H
#define EMILUA_SYNC_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <emilua/api.h>
#include <emilua/waitq.h>

/* One suspended fiber on an emilua_waitq.  Nodes are malloc'd because a
 * suspended C function keeps no C stack; a mutex keeps a few freed ones
 * for its next waiters (sync_mutex_enqueue). */
struct sync_waiter {
    struct emilua_waiter link;    /* queue, fiber */
    struct sync_mutex *mutex;     /* condition_variable: to re-acquire */
    bool notified;                /* condition_variable: woken by notify */
    bool canceled;                /* resume with fiber_canceled on handoff */
    struct emilua_blocked blocked; /* for the deadlock report */
};

static inline struct sync_waiter *sync_waiter_pop(struct emilua_waitq *q)
{
    struct emilua_waiter *w = emilua_waitq_pop(q);
    return w ? EMILUA_CONTAINER_OF(w, struct sync_waiter, link) : NULL;
}

/* Queues a new waiter node for f at the back of q; raises ENOMEM. */
static inline struct sync_waiter *sync_enqueue(lua_State *L,
                                               struct emilua_waitq *q,
                                               emilua_fiber *f)
{
    struct sync_waiter *w = calloc(1, sizeof *w);
    if (!w)
        emilua_raise_errno(L, ENOMEM);
    emilua_waitq_push(q, &w->link, f);
    return w;
}

struct sync_mutex {
    bool locked;
    uint8_t n_spare;
    emilua_fiber *owner;          /* identity only: never dereferenced */
    struct emilua_waitq waiters;
    /* Freed waiter nodes (linked through link.next) for the next waits
     * on the mutex or on a condition variable with it: a contended lock
     * or a wait then allocates nothing. */
    struct sync_waiter *spare;
};

#define SYNC_SPARE_MAX 4

/* Queues a waiter node for f at the back of q, reusing one of m's spare
 * nodes when there is one; raises ENOMEM. */
static inline struct sync_waiter *sync_mutex_enqueue(
    lua_State *L, struct sync_mutex *m, struct emilua_waitq *q,
    emilua_fiber *f)
{
    struct sync_waiter *w = m->spare;
    if (!w)
        return sync_enqueue(L, q, f);
    m->spare = (struct sync_waiter *)(void *)w->link.next;
    m->n_spare--;
    *w = (struct sync_waiter){0};
    emilua_waitq_push(q, &w->link, f);
    return w;
}

/* w is done with: kept for m's next waiter, or freed. */
static inline void sync_mutex_recycle(struct sync_mutex *m,
                                      struct sync_waiter *w)
{
    if (m->n_spare == SYNC_SPARE_MAX) {
        free(w);
        return;
    }
    w->link.next = (struct emilua_waiter *)(void *)m->spare;
    m->spare = w;
    m->n_spare++;
}

/* Names what w's fiber waits for, for the deadlock report. */
static inline void sync_block(struct sync_waiter *w, const char *fmt,
                              const void *object)
{
    w->blocked = (struct emilua_blocked){fmt, object};
    emilua_set_blocked(w->link.fiber, &w->blocked);
}

#define SYNC_MUTEX_BLOCKED "No scheduled fibers remaining to unlock mutex %p"

/* Frees the nodes without touching their fibers: used by __gc, where the
 * fibers may already be gone (VM close). */
static inline void sync_queue_free(struct emilua_waitq *q)
{
    struct sync_waiter *w;
    while ((w = sync_waiter_pop(q)))
        free(w);
}

/* True when a canceller runs because the VM is closing rather than because
 * of fiber:cancel(): the waiter must then be released, not queued on the
 * mutex again. */
static inline bool sync_vm_closing(emilua_fiber *f)
{
    return emilua_vm_closing(emilua_fiber_vm(f));
}

/* mutex.c */
extern const emilua_udata_type sync_mutex_type;
/* Takes m for w->fiber now if it is free (resuming the fiber), else queues
 * w behind the other lockers.  Either way w belongs to m afterwards. */
void sync_mutex_acquire_for(struct sync_mutex *m, struct sync_waiter *w);
/* Releases m, handing it to the first waiter if any. */
void sync_mutex_release(struct sync_mutex *m);

#endif
