/* flock(2) locks: lock, lock_shared, try_lock, try_lock_shared, unlock.
 *
 * A blocking flock() cannot be taken back once it waits in the kernel, so
 * lock() never makes one: it tries LOCK_NB and, while the lock is held
 * elsewhere, tries again from a timer (1 ms, doubling up to 64 ms).  A
 * canceled lock() has therefore never acquired the lock, and waiting
 * takes no pool thread. */
#include <errno.h>
#include <stdlib.h>
#include <sys/file.h>

#include "file_module.h"

#define LOCK_DELAY_MIN 1
#define LOCK_DELAY_MAX 64

struct lock_op {
    struct emilua_waiter waiter;    /* in file->locks */
    int how;                        /* LOCK_EX or LOCK_SH */
};

static void free_lock(struct emilua_waiter *w)
{
    free(EMILUA_CONTAINER_OF(w, struct lock_op, waiter));
}

/* 0 when taken, 1 when held elsewhere, or a negative status. */
static int try_flock(int fd, int how)
{
    if (flock(fd, how | LOCK_NB) == 0)
        return 0;
    return errno == EWOULDBLOCK ? 1 : -errno;
}

static void retry_locks(uv_timer_t *t)
{
    struct file *f = (struct file *)t->data;
    struct emilua_waiter *w;
    while ((w = f->locks.head)) {
        struct lock_op *op = EMILUA_CONTAINER_OF(w, struct lock_op, waiter);
        int r = try_flock(f->fd->fd, op->how);
        if (r == 1) {
            if (f->lock_delay < LOCK_DELAY_MAX)
                f->lock_delay *= 2;
            uv_timer_start(&f->lock_timer, retry_locks, f->lock_delay, 0);
            return;
        }
        emilua_waitq_unlink(w);
        emilua_fiber *fiber = w->fiber;
        free(op);
        emilua_resume_status(fiber, r);
    }
}

static void lock_cancel(emilua_fiber *fiber, void *data)
{
    struct lock_op *op = data;
    struct file *f = EMILUA_CONTAINER_OF(op->waiter.queue, struct file,
                                         locks);
    emilua_waitq_unlink(&op->waiter);
    free(op);
    if (emilua_waitq_empty(&f->locks))
        uv_timer_stop(&f->lock_timer);
    emilua_resume_canceled(fiber);
}

static void complete_now(emilua_fiber *fiber, void *data)
{
    emilua_resume_status(fiber, (int)(intptr_t)data);
}

int file_lock(lua_State *L, struct file *f, int how)
{
    emilua_fiber *fiber = emilua_begin_suspend(L);
    /* Behind older waiters: no overtaking. */
    if (emilua_waitq_empty(&f->locks)) {
        int r = try_flock(f->fd->fd, how);
        if (r != 1)
            return emilua_suspend_post(L, fiber, complete_now,
                                       (void *)(intptr_t)r);
        f->lock_delay = LOCK_DELAY_MIN;
        int status = uv_timer_start(&f->lock_timer, retry_locks,
                                    f->lock_delay, 0);
        if (status < 0) {
            emilua_push_status(L, status);
            return 1;
        }
    }
    struct lock_op *op = calloc(1, sizeof *op);
    if (!op) {
        if (emilua_waitq_empty(&f->locks))
            uv_timer_stop(&f->lock_timer);
        return emilua_raise_errno(L, ENOMEM);
    }
    op->how = how;
    emilua_waitq_push(&f->locks, &op->waiter, fiber);
    return emilua_suspend(L, fiber, lock_cancel, op);
}

int file_try_lock(lua_State *L, struct file *f, int how)
{
    int r = try_flock(f->fd->fd, how);
    if (r < 0)
        return emilua_raise_errno(L, -r);
    lua_pushboolean(L, r == 0);
    return 1;
}

int file_unlock(lua_State *L, struct file *f)
{
    if (flock(f->fd->fd, LOCK_UN) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

void file_locks_abort(struct file *f)
{
    uv_timer_stop(&f->lock_timer);
    emilua_object_end_waits(&f->obj, &f->locks, EMILUA_ABORTED, free_lock);
}
