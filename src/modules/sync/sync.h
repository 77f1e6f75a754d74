/* Shared by the synchronisation modules: a FIFO of suspended fibers and
 * the mutex struct, which condition_variable.wait() releases and
 * re-acquires on the waiter's behalf. */
#ifndef EMILUA_SYNC_H
#define EMILUA_SYNC_H

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include <emilua/api.h>

struct sync_queue;

/* One suspended fiber.  The fiber pointer is only used while the fiber
 * is suspended on this node; nodes are malloc'd because a suspended C
 * function keeps no C stack. */
struct sync_waiter {
    struct sync_waiter *prev, *next;
    struct sync_queue *queue;     /* the queue holding the node, or NULL */
    emilua_fiber *fiber;
    struct sync_mutex *mutex;     /* condition_variable: to re-acquire */
    bool notified;                /* condition_variable: woken by notify */
    bool canceled;                /* resume with fiber_canceled on handoff */
};

struct sync_queue {
    struct sync_waiter *head, *tail;
};

static inline void sync_queue_push(struct sync_queue *q, struct sync_waiter *w)
{
    w->queue = q;
    w->next = NULL;
    w->prev = q->tail;
    if (q->tail)
        q->tail->next = w;
    else
        q->head = w;
    q->tail = w;
}

static inline void sync_queue_remove(struct sync_waiter *w)
{
    struct sync_queue *q = w->queue;
    if (w->prev)
        w->prev->next = w->next;
    else
        q->head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    else
        q->tail = w->prev;
    w->queue = NULL;
    w->prev = w->next = NULL;
}

static inline struct sync_waiter *sync_queue_pop(struct sync_queue *q)
{
    struct sync_waiter *w = q->head;
    if (w)
        sync_queue_remove(w);
    return w;
}

/* Queues a new waiter node for f at the back of q; raises ENOMEM. */
static inline struct sync_waiter *sync_enqueue(lua_State *L,
                                               struct sync_queue *q,
                                               emilua_fiber *f)
{
    struct sync_waiter *w = calloc(1, sizeof *w);
    if (!w)
        emilua_raise_errno(L, ENOMEM);
    w->fiber = f;
    sync_queue_push(q, w);
    return w;
}

/* Frees the nodes without touching their fibers: used by __gc, where the
 * fibers may already be gone (VM close). */
static inline void sync_queue_free(struct sync_queue *q)
{
    struct sync_waiter *w;
    while ((w = sync_queue_pop(q)))
        free(w);
}

/* True when a canceller runs because the VM is closing rather than because
 * of fiber:cancel(): the waiter must then be released, not queued on the
 * mutex again. */
static inline bool sync_vm_closing(emilua_fiber *f)
{
    return emilua_vm_closing(emilua_fiber_vm(f));
}

struct sync_mutex {
    bool locked;
    emilua_fiber *owner;          /* identity only: never dereferenced */
    struct sync_queue waiters;
};

/* mutex.c */
extern const emilua_udata_type sync_mutex_type;
/* Takes m for w->fiber now if it is free (resuming the fiber), else queues
 * w behind the other lockers.  Either way w belongs to m afterwards. */
void sync_mutex_acquire_for(struct sync_mutex *m, struct sync_waiter *w);
/* Releases m, handing it to the first waiter if any. */
void sync_mutex_release(struct sync_mutex *m);

#endif
