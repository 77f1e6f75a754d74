/* The IO-object layer: see include/emilua/io.h. */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <emilua/io.h>

#include "core.h"

static void io_object_close(emilua_object *o);
static void io_handle_closed(emilua_object *o, uv_handle_t *h);
static void io_finalize(emilua_object *o);

static const emilua_object_ops io_object_ops = {
    io_object_close, io_handle_closed, io_finalize,
};

/* ---- op records ----------------------------------------------------------
 * Kept on the object's free list, so the steady state allocates nothing. */

static void op_release(emilua_io_op *op)
{
    emilua_io *io = op->io;
    if (op->mem) {
        emilua_bytes_unref(op->mem);
        op->mem = NULL;
    }
    op->next_free = io->free_ops;
    io->free_ops = op;
}

static void op_release_waiter(struct emilua_waiter *w)
{
    op_release(EMILUA_CONTAINER_OF(w, emilua_io_op, waiter));
}

/* Resumes the op's fiber with the result and recycles the op. */
static void op_finish(emilua_io_op *op, ssize_t r)
{
    emilua_fiber *f = op->waiter.fiber;
    if (r < 0 && op->push_error) {
        lua_State *co = scheduler_take_fiber(f);
        if (co) {
            op->push_error(co, op, r);
            scheduler_hand_over(f, 1);
        }
        op_release(op);
        return;
    }
    if (r < 0) {
        op_release(op);
        emilua_resume_status(f, (int)r);
        return;
    }
    lua_State *co = emilua_resume_begin(f);
    if (co) {
        int n = 1;
        if (op->push)
            n = op->push(co, op, r);
        else
            lua_pushinteger(co, r);
        emilua_resume_end(f, n);
    }
    op_release(op);
}

/* ---- polling ------------------------------------------------------------ */

static void on_poll(uv_poll_t *h, int status, int events);

static int wanted_events(emilua_io *io)
{
    return (emilua_waitq_empty(&io->waiting[EMILUA_IO_IN]) ? 0 : UV_READABLE) |
           (emilua_waitq_empty(&io->waiting[EMILUA_IO_OUT]) ? 0 : UV_WRITABLE);
}

static void fail_all(emilua_io *io, int status)
{
    for (int d = 0; d < 2; d++)
        emilua_object_end_waits(&io->obj, &io->waiting[d], status,
                                op_release_waiter);
}

/* Makes the poll watch what the waiting ops need; 0 or the status of a
 * failed uv_poll_init/uv_poll_start (io->events unchanged).
 *
 * Lazily: a direction nobody waits for any more stays watched (each
 * uv_poll_start/stop costs an epoll_ctl, and the next op of a
 * request-response loop waits in that direction again soon); the poll is
 * only unreferenced, so it does not keep the loop alive.  on_poll() trims
 * it (strict) when it reports a direction nobody waits for. */
static int watch_mode(emilua_io *io, bool strict)
{
    int want = wanted_events(io);
    if (io->poll) {
        if (want)
            uv_ref((uv_handle_t *)io->poll);
        else
            uv_unref((uv_handle_t *)io->poll);
    }
    if (want == io->events || (!strict && (want & ~io->events) == 0))
        return 0;
    if (want == 0) {
        uv_poll_stop(io->poll);
        io->events = 0;
        return 0;
    }
    if (!io->poll) {
        uv_poll_t *p = malloc(sizeof *p);
        if (!p)
            return -ENOMEM;
        int rc = uv_poll_init(emilua_vm_loop(io->obj.vm), p, io->fd);
        if (rc != 0) {
            free(p);
            return rc;
        }
        emilua_object_add_handle(&io->obj, (uv_handle_t *)p);
        io->poll = p;
    }
    int rc = uv_poll_start(io->poll, want, on_poll);
    if (rc != 0)
        return rc;
    uv_ref((uv_handle_t *)io->poll);
    io->events = want;
    return 0;
}

static int watch(emilua_io *io)
{
    return watch_mode(io, false);
}

/* watch() for suspended waiters: on failure nothing would wake them, so
 * they end with the error. */
static void update_poll(emilua_io *io)
{
    int rc = watch(io);
    if (rc != 0) {
        fail_all(io, rc);
        watch(io);      /* nobody waits now: stops the poll */
    }
}

static int want_dir(ssize_t r, int own)
{
    if (r == -EAGAIN || r == -EWOULDBLOCK)
        return own;
    if (r == EMILUA_IO_WANT_READ)
        return EMILUA_IO_IN;
    if (r == EMILUA_IO_WANT_WRITE)
        return EMILUA_IO_OUT;
    return -1;
}

/* Tries the waiting ops of one direction, oldest first, until one must
 * wait again. */
static void run_queue(emilua_io *io, int dir)
{
    struct emilua_waiter *w;
    while (io->fd >= 0 && (w = io->waiting[dir].head)) {
        emilua_io_op *op = EMILUA_CONTAINER_OF(w, emilua_io_op, waiter);
        ssize_t r = op->try_fn(io, op);
        int d = want_dir(r, op->dir);
        if (d == dir)
            return;
        emilua_waitq_unlink(w);
        if (d >= 0) {
            emilua_waitq_push(&io->waiting[d], w, w->fiber);
            continue;
        }
        op_finish(op, r);
    }
}

static void on_poll(uv_poll_t *h, int status, int events)
{
    emilua_io *io = h->data;
    int unwanted = status == 0 ? events & ~wanted_events(io) & io->events
                               : 0;
    if (status == UV_EBADF && io->fd >= 0) {
        /* libuv reports POLLERR as UV_EBADF and stops the poll: on a
         * socket that is a pending error (a refused connect, a reset),
         * which the ops' own system calls report.  The poll is started
         * again below for whoever still waits. */
        io->events = 0;
        run_queue(io, EMILUA_IO_IN);
        run_queue(io, EMILUA_IO_OUT);
    } else if (status < 0) {
        fail_all(io, status);
    } else {
        /* An error or hang-up shows as both: let each side find out. */
        if (events & (UV_READABLE | UV_DISCONNECT))
            run_queue(io, EMILUA_IO_IN);
        if (events & UV_WRITABLE)
            run_queue(io, EMILUA_IO_OUT);
    }
    /* A direction that fired with nobody waiting is dropped now (the
     * poll is level-triggered: it would fire again at once). */
    if (io->poll && watch_mode(io, unwanted != 0) != 0) {
        fail_all(io, UV_EIO);
        watch_mode(io, true);
    }
}

/* ---- operations --------------------------------------------------------- */

emilua_io_op *emilua_io_op_begin(lua_State *L, emilua_io *io, int dir,
                                 emilua_io_try_fn try_fn,
                                 emilua_io_push_fn push)
{
    emilua_fiber *f = emilua_begin_suspend(L);
    if (io->fd < 0)
        emilua_raise_errno(L, EBADF);
    emilua_io_op *op = io->free_ops;
    if (op) {
        io->free_ops = op->next_free;
    } else if (!(op = malloc(sizeof *op))) {
        emilua_raise_errno(L, ENOMEM);
    }
    op->waiter = (struct emilua_waiter){.fiber = f};
    op->io = io;
    op->try_fn = try_fn;
    op->push = push;
    op->push_error = NULL;
    op->result = 0;
    op->buf = NULL;
    op->len = 0;
    op->mem = NULL;
    op->flags = 0;
    op->addrlen = 0;
    op->data = NULL;
    op->canceled = NULL;
    op->dir = (uint8_t)dir;
    op->next_free = NULL;
    return op;
}

void emilua_io_op_buffer(emilua_io_op *op, const emilua_byte_span *s)
{
    op->buf = emilua_byte_span_data(s);
    op->len = s->size;
    op->mem = s->mem;
    emilua_bytes_ref(s->mem);
}

/* fiber:cancel() or VM close while waiting: the op has not happened. */
static void op_cancel(emilua_fiber *f, void *data)
{
    emilua_io_op *op = data;
    emilua_io *io = op->io;
    void (*canceled)(emilua_io *) = op->canceled;
    emilua_waitq_unlink(&op->waiter);
    op_release(op);
    update_poll(io);
    if (canceled)
        canceled(io);
    emilua_resume_canceled(f);
}

static void op_complete_now(emilua_fiber *f, void *data)
{
    emilua_io_op *op = data;
    assert(op->waiter.fiber == f);
    op_finish(op, op->result);
}

int emilua_io_submit(lua_State *L, emilua_io_op *op)
{
    emilua_io *io = op->io;
    emilua_fiber *f = op->waiter.fiber;
    int dir = op->dir;
    /* Behind other waiters of the direction: FIFO, no overtaking. */
    if (emilua_waitq_empty(&io->waiting[dir])) {
        ssize_t r = op->try_fn(io, op);
        int d = want_dir(r, dir);
        if (d < 0) {
            op->result = r;
            return emilua_suspend_post(L, f, op_complete_now, op);
        }
        dir = d;
    }
    emilua_waitq_push(&io->waiting[dir], &op->waiter, f);
    int rc = watch(io);
    if (rc != 0) {
        /* Cannot wait (uv_poll refuses regular files): the op fails. */
        emilua_waitq_unlink(&op->waiter);
        op_release(op);
        return emilua_io_push_result(L, rc);
    }
    return emilua_suspend(L, f, op_cancel, op);
}

int emilua_io_push_result(lua_State *L, ssize_t n)
{
    if (n < 0) {
        emilua_push_status(L, (int)n);
        return 1;
    }
    lua_pushnil(L);
    lua_pushinteger(L, n);
    return 2;
}

/* ---- the object --------------------------------------------------------- */

void *emilua_io_new(lua_State *L, const emilua_udata_type *type, size_t size)
{
    assert(size >= sizeof(emilua_io));
    emilua_io *io = emilua_object_new(L, type, size, &io_object_ops);
    io->fd = -1;
    return io;
}

int emilua_io_assign(emilua_io *io, int fd, bool set_flags)
{
    if (io->fd >= 0)
        return -EBUSY;
    if (fd < 0)
        return -EBADF;
    if (set_flags) {
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0 || (!(fl & O_NONBLOCK) &&
                       fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0))
            return -errno;
        int fdf = fcntl(fd, F_GETFD);
        if (fdf < 0 || (!(fdf & FD_CLOEXEC) &&
                        fcntl(fd, F_SETFD, fdf | FD_CLOEXEC) != 0))
            return -errno;
    }
    io->fd = fd;
    return 0;
}

int emilua_io_cancel(emilua_io *io)
{
    int n = 0;
    for (int d = 0; d < 2; d++)
        n += emilua_object_end_waits(&io->obj, &io->waiting[d],
                                     EMILUA_ABORTED, op_release_waiter);
    if (io->poll)
        update_poll(io);
    return n;
}

/* Cancels and lets go of the poll; returns the fd, io is closed after. */
static int detach(emilua_io *io)
{
    emilua_io_cancel(io);
    /* libuv forgets the fd in uv_close(), before the callback: the fd may
     * be closed right after. */
    if (io->poll) {
        emilua_object_close_handle((uv_handle_t *)io->poll);
        io->poll = NULL;
        io->events = 0;
    }
    int fd = io->fd;
    io->fd = -1;
    assert(emilua_waitq_empty(&io->waiting[0]) &&
           emilua_waitq_empty(&io->waiting[1]));  /* closed: no pending op */
    return fd;
}

int emilua_io_close(emilua_io *io)
{
    if (io->fd < 0)
        return 0;
    /* Linux frees the fd even when close() fails: never retried. */
    if (close(detach(io)) != 0 && errno != EINTR)
        return -errno;
    return 0;
}

int emilua_io_release(emilua_io *io)
{
    if (io->fd < 0)
        return -EBADF;
    return detach(io);
}

static void io_object_close(emilua_object *o)
{
    emilua_io_close((emilua_io *)o);
}

static void io_handle_closed(emilua_object *o, uv_handle_t *h)
{
    free(h);
}

static void io_finalize(emilua_object *o)
{
    emilua_io *io = (emilua_io *)o;
    if (io->finalize)
        io->finalize(io);
    emilua_io_op *op;
    while ((op = io->free_ops)) {
        io->free_ops = op->next_free;
        free(op);
    }
}
