/* A FIFO of suspended fibers: the one waiter queue of the runtime (sync
 * primitives, timers, signal sets, IO objects).
 *
 * Intrusive: an operation record embeds a struct emilua_waiter and finds
 * itself again with EMILUA_CONTAINER_OF, so queuing allocates nothing and
 * unlinking (what a canceller does) is O(1).  A canceller has one shape:
 *
 *     static void my_cancel(emilua_fiber *f, void *data)
 *     {
 *         struct my_op *op = data;
 *         emilua_waitq_unlink(&op->waiter);
 *         free(op);
 *         emilua_resume_canceled(f);
 *     }
 */
#ifndef EMILUA_WAITQ_H
#define EMILUA_WAITQ_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>

#include <emilua/api.h>

#define EMILUA_CONTAINER_OF(ptr, type, member) \
    ((type *)(void *)((char *)(ptr) - offsetof(type, member)))

struct emilua_waitq;

struct emilua_waiter {
    struct emilua_waiter *prev, *next;
    struct emilua_waitq *queue;   /* the queue holding it, or NULL */
    emilua_fiber *fiber;          /* the fiber suspended on it */
};

struct emilua_waitq {
    struct emilua_waiter *head, *tail;
};

static inline bool emilua_waitq_empty(const struct emilua_waitq *q)
{
    return q->head == NULL;
}

static inline bool emilua_waiter_linked(const struct emilua_waiter *w)
{
    return w->queue != NULL;
}

/* Appends w (not in any queue) for fiber f. */
static inline void emilua_waitq_push(struct emilua_waitq *q,
                                     struct emilua_waiter *w,
                                     emilua_fiber *f)
{
    assert(w->queue == NULL);   /* one queue at a time */
    w->fiber = f;
    w->queue = q;
    w->next = NULL;
    w->prev = q->tail;
    if (q->tail)
        q->tail->next = w;
    else
        q->head = w;
    q->tail = w;
}

/* Removes w from its queue; a no-op when it is in none. */
static inline void emilua_waitq_unlink(struct emilua_waiter *w)
{
    struct emilua_waitq *q = w->queue;
    if (!q)
        return;
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

/* Removes and returns the oldest waiter, or NULL. */
static inline struct emilua_waiter *emilua_waitq_pop(struct emilua_waitq *q)
{
    struct emilua_waiter *w = q->head;
    if (w)
        emilua_waitq_unlink(w);
    return w;
}

#endif
