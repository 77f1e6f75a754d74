/* Reads and writes: read_some, write_some, read_some_at, write_some_at.
 *
 * A transfer first tries preadv2/pwritev2 with RWF_NOWAIT on the loop
 * thread: the kernel does it at once when it can without waiting for the
 * disk (the data is in the page cache, or the write fits in it), and
 * says EAGAIN otherwise.  Only then does it go to the libuv thread pool
 * (uv_fs_read/uv_fs_write), where blocking is harmless.  A file that is
 * being read sequentially is nearly always in the page cache (the
 * kernel's readahead runs ahead of the reader), so the common case costs
 * one system call and no thread round trip; see doc/file.md.
 *
 * Cancellation: a request still queued in the pool is taken back
 * (uv_cancel) and has not happened.  One that a pool thread already runs
 * cannot be interrupted: the fiber then gets its real result when it
 * ends, because it has happened.
 *
 * FIFOs, sockets, terminals and character devices do not go to the pool:
 * their transfers wait in the same queue for the fd to be ready (poll.c)
 * and make their system call then, so a canceled one has not happened. */
#include <errno.h>
#include <stdlib.h>
#include <sys/uio.h>

#include "file_module.h"

struct transfer {
    uv_fs_t req;
    struct emilua_waiter waiter;    /* in file->transfers */
    struct file *file;              /* NULL once the VM closed */
    struct file_fd *fd;             /* referenced */
    emilua_bytes *mem;              /* referenced */
    emilua_vm *vm;                  /* referenced */
    size_t len;
    bool fiber_canceled;            /* fiber:cancel() came while it ran */
    /* Polled transfers (no req, no fd or VM reference: they end before
     * the fd is dropped and before the VM closes). */
    bool polled;
    bool write;
    int64_t offset;
    void *buf;
};

static void polled_release(struct emilua_waiter *w)
{
    struct transfer *t = EMILUA_CONTAINER_OF(w, struct transfer, waiter);
    emilua_bytes_unref(t->mem);
    free(t);
}

static struct transfer *head_of(struct file *f)
{
    struct emilua_waiter *w = f->transfers.head;
    return w ? EMILUA_CONTAINER_OF(w, struct transfer, waiter) : NULL;
}

/* Resumes f with the byte count n, or the error of a negative status; a
 * read of 0 bytes into a non-empty buffer is the end of the file. */
static void resume_count(emilua_fiber *f, ssize_t n, size_t len)
{
    if (n == 0 && len > 0)
        n = EMILUA_EOF;
    if (n < 0) {
        emilua_resume_status(f, (int)n);
        return;
    }
    lua_State *L = emilua_resume_begin(f);
    if (L) {
        lua_pushinteger(L, (lua_Integer)n);
        emilua_resume_end(f, 1);
    }
}

/* Writes are never 0 bytes for a non-empty buffer; reads are EOF then.
 * The result of a ready transfer rides in the pointer (no allocation). */
static void complete_read_now(emilua_fiber *f, void *data)
{
    resume_count(f, (ssize_t)(intptr_t)data, 1);
}

static void complete_now(emilua_fiber *f, void *data)
{
    resume_count(f, (ssize_t)(intptr_t)data, 0);
}

static void transfer_done(uv_fs_t *req)
{
    struct transfer *t = req->data;
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    emilua_fiber *fiber = t->waiter.fiber;
    if (t->file) {
        emilua_waitq_unlink(&t->waiter);
        if (n == UV_ECANCELED && t->fiber_canceled)
            emilua_resume_canceled(fiber);
        else
            /* UV_ECANCELED alone is cancel()/close(): operation_aborted */
            resume_count(fiber, n, req->fs_type == UV_FS_READ ? t->len : 0);
    }
    file_fd_unref(t->fd);
    emilua_bytes_unref(t->mem);
    emilua_vm_unref(t->vm);
    free(t);
}

/* Watches for the oldest polled transfer's direction; a transfer that
 * cannot be watched ends with the error. */
static void polled_rearm(struct file *f)
{
    struct transfer *t;
    while ((t = head_of(f))) {
        int rc = file_watch(f, t->write);
        if (rc == 0)
            return;
        emilua_fiber *fiber = t->waiter.fiber;
        emilua_waitq_unlink(&t->waiter);
        polled_release(&t->waiter);
        emilua_resume_status(fiber, rc);
    }
    file_watch_stop(f);
}

void file_polled_ready(struct file *f, int status)
{
    struct transfer *t;
    while ((t = head_of(f))) {
        ssize_t n = status < 0 ? status
            : file_try_polled(f->fd, t->write, t->offset, t->buf, t->len);
        if (n == -EAGAIN)
            break;
        emilua_fiber *fiber = t->waiter.fiber;
        size_t len = t->write ? 0 : t->len;
        emilua_waitq_unlink(&t->waiter);
        polled_release(&t->waiter);
        resume_count(fiber, n, len);   /* the fiber runs later */
    }
    polled_rearm(f);
}

static void transfer_cancel(emilua_fiber *f, void *data)
{
    struct transfer *t = data;
    if (t->polled) {
        struct file *file = t->file;
        emilua_waitq_unlink(&t->waiter);
        polled_release(&t->waiter);
        polled_rearm(file);
        emilua_resume_canceled(f);
        return;
    }
    if (emilua_vm_closing(t->vm)) {
        /* Nobody waits for the result any more: the request ends on its
         * own and only frees what it holds. */
        emilua_waitq_unlink(&t->waiter);
        t->file = NULL;
        uv_cancel((uv_req_t *)&t->req);
        emilua_resume_canceled(f);
        return;
    }
    t->fiber_canceled = true;
    uv_cancel((uv_req_t *)&t->req);   /* transfer_done resumes */
}

void file_cancel_all(struct file *f)
{
    if (f->fd && f->fd->polled) {
        emilua_object_end_waits(&f->obj, &f->transfers, EMILUA_ABORTED,
                                polled_release);
        file_watch_stop(f);
        file_locks_abort(f);
        return;
    }
    bool detach = emilua_vm_closing(f->obj.vm);
    struct emilua_waiter *w = f->transfers.head;
    while (w) {
        struct emilua_waiter *next = w->next;
        struct transfer *t = EMILUA_CONTAINER_OF(w, struct transfer, waiter);
        if (detach) {
            /* __gc while the VM closes: the record goes away before the
             * request ends. */
            emilua_waitq_unlink(w);
            t->file = NULL;
        }
        uv_cancel((uv_req_t *)&t->req);
        w = next;
    }
    file_locks_abort(f);
}

int file_transfer(lua_State *L, struct file *f, bool write, int64_t offset,
                  const emilua_byte_span *s)
{
    emilua_fiber *fiber = emilua_begin_suspend(L);
    int fd = f->fd->fd;
    /* Linux moves at most this much per call anyway; it also keeps the
     * length within uv_buf_t's. */
    size_t len = s->size < 0x7ffff000 ? s->size : 0x7ffff000;
    struct iovec iov = {emilua_byte_span_data(s), len};
    struct file_fd *h = f->fd;
    bool idle = emilua_waitq_empty(&f->transfers);
    /* Behind a pending transfer a ready one would overtake it. */
    if (idle && (h->polled || !h->no_nowait)) {
        ssize_t n;
        if (h->polled) {
            n = file_try_polled(h, write, offset, iov.iov_base, len);
        } else {
            n = write ? pwritev2(fd, &iov, 1, offset, RWF_NOWAIT)
                      : preadv2(fd, &iov, 1, offset, RWF_NOWAIT);
            if (n < 0)
                n = -errno;
            /* EAGAIN: it would wait (for the disk, or for another process
             * on a FIFO or socket).  EOPNOTSUPP: the file does not do
             * RWF_NOWAIT.  The first time, poll.c decides what the fd
             * does then. */
            if (!h->classified && (n == -EAGAIN || n == -EOPNOTSUPP)) {
                file_fd_classify(h, n);
                if (h->polled && n == -EOPNOTSUPP)
                    n = file_try_polled(h, write, offset, iov.iov_base, len);
            } else if (n == -EOPNOTSUPP) {
                h->no_nowait = true;
            }
        }
        /* On the pool's side EINVAL too goes to the pool, which reports
         * it again if it is real. */
        bool wait = h->polled ? n == -EAGAIN
                              : n == -EAGAIN || n == -EINVAL ||
                                n == -EOPNOTSUPP;
        if (!wait)
            return emilua_suspend_post(L, fiber,
                                       write || len == 0 ? complete_now
                                                             : complete_read_now,
                                       (void *)(intptr_t)n);
    }
    if (h->polled) {
        struct transfer *t = calloc(1, sizeof *t);
        if (!t)
            return emilua_raise_errno(L, ENOMEM);
        t->polled = true;
        t->file = f;
        t->write = write;
        t->offset = offset;
        t->buf = iov.iov_base;
        t->len = len;
        t->mem = s->mem;
        emilua_bytes_ref(t->mem);
        emilua_waitq_push(&f->transfers, &t->waiter, fiber);
        if (idle) {
            int rc = file_watch(f, write);
            if (rc != 0) {
                emilua_waitq_unlink(&t->waiter);
                polled_release(&t->waiter);
                emilua_push_status(L, rc);
                return 1;
            }
        }
        return emilua_suspend(L, fiber, transfer_cancel, t);
    }
    struct transfer *t = calloc(1, sizeof *t);
    if (!t)
        return emilua_raise_errno(L, ENOMEM);
    t->file = f;
    t->fd = f->fd;
    t->len = len;
    t->vm = emilua_vm_of(L);
    t->req.data = t;
    uv_buf_t buf = uv_buf_init((char *)iov.iov_base, (unsigned)len);
    uv_loop_t *loop = emilua_vm_loop(t->vm);
    int status = write ? uv_fs_write(loop, &t->req, fd, &buf, 1, offset,
                                     transfer_done)
                       : uv_fs_read(loop, &t->req, fd, &buf, 1, offset,
                                    transfer_done);
    if (status < 0) {
        free(t);
        emilua_push_status(L, status);
        return 1;
    }
    t->fd->refs++;
    t->mem = s->mem;
    emilua_bytes_ref(t->mem);
    emilua_vm_ref(t->vm);
    emilua_waitq_push(&f->transfers, &t->waiter, fiber);
    return emilua_suspend(L, fiber, transfer_cancel, t);
}
