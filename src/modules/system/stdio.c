/* system.in_, system.out and system.err.
 *
 * The standard fds usually share their open file description with other
 * processes (a terminal, a pipe from the shell), so their O_NONBLOCK flag
 * is never touched: it would change the file for everybody.  Instead
 * each call picks a way to do IO that cannot block the thread:
 *
 *   - sockets: recv/send with MSG_DONTWAIT;
 *   - pipes and character devices: preadv2/pwritev2 with RWF_NOWAIT;
 *   - terminals (no RWF_NOWAIT): a private description of the same
 *     terminal, opened through /proc/self/fd with O_NONBLOCK;
 *   - descriptions that already are nonblocking: plain read/write;
 *   - regular files, block devices: plain blocking read/write (they never
 *     make a reader wait for another process, and epoll refuses them);
 *   - when none of the above works: poll() for readiness, then a call
 *     sized not to block (FIONREAD for reads, PIPE_BUF for writes).
 *
 * An operation is tried at once; it suspends the fiber only when the
 * fd is not ready.  It then waits through a private epoll fd holding the
 * stdio fd, which libuv polls (uv_poll_init would set O_NONBLOCK on the
 * fd it is given; on the epoll fd that is harmless).  The system call is
 * made from the readiness callback, so a cancelled operation has not
 * happened.  Trying first keeps system.out writes in program order with
 * print(), which writes fd 1 directly. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <emilua/byte_span.h>
#include <emilua/file_descriptor.h>
#include <emilua/io.h>
#include <emilua/object.h>

#include "system.h"

/* ---- doing the IO without blocking --------------------------------------- */

enum io_kind { IO_BLOCKING, IO_NONBLOCK, IO_SOCKET, IO_NOWAIT, IO_POLLED };

struct io {
    int fd;             /* the fd the calls use */
    int own_fd;         /* a private description to close, or -1 */
    enum io_kind kind;
    bool writing;
};

/* A nonblocking description of the terminal on fd, or -1. */
static int reopen_tty(int fd, bool writing, const struct stat *st)
{
    char path[32];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    int flags = (writing ? O_WRONLY : O_RDONLY) | O_NONBLOCK | O_NOCTTY |
        O_CLOEXEC;
    int nfd = open(path, flags);
    if (nfd < 0)
        return -1;
    struct stat nst;
    if (fstat(nfd, &nst) != 0 || nst.st_rdev != st->st_rdev ||
        !isatty(nfd)) {
        close(nfd);
        return -1;
    }
    return nfd;
}

/* Returns 0 or a negative status. */
static int io_open(struct io *io, int fd, bool writing)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -errno;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -errno;
    io->fd = fd;
    io->own_fd = -1;
    io->writing = writing;
    if (S_ISSOCK(st.st_mode)) {
        io->kind = IO_SOCKET;
    } else if (fl & O_NONBLOCK) {
        io->kind = IO_NONBLOCK;
    } else if (S_ISFIFO(st.st_mode)) {
        io->kind = IO_NOWAIT;
    } else if (S_ISCHR(st.st_mode) && isatty(fd)) {
        int nfd = reopen_tty(fd, writing, &st);
        if (nfd >= 0) {
            io->fd = io->own_fd = nfd;
            io->kind = IO_NONBLOCK;
        } else {
            io->kind = IO_POLLED;
        }
    } else if (S_ISCHR(st.st_mode)) {
        io->kind = IO_NOWAIT;
    } else {
        io->kind = IO_BLOCKING;
    }
    return 0;
}

static void io_close(struct io *io)
{
    if (io->own_fd >= 0)
        close(io->own_fd);
    io->own_fd = -1;
}

static ssize_t plain(struct io *io, void *buf, size_t len)
{
    return io->writing ? write(io->fd, buf, len) : read(io->fd, buf, len);
}

/* One attempt: bytes transferred, or -errno; -EAGAIN: not ready. */
static ssize_t io_try(struct io *io, void *buf, size_t len)
{
    for (;;) {
        ssize_t n;
        switch (io->kind) {
        case IO_BLOCKING:
        case IO_NONBLOCK:
            n = plain(io, buf, len);
            break;
        case IO_SOCKET:
            n = io->writing
                ? send(io->fd, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL)
                : recv(io->fd, buf, len, MSG_DONTWAIT);
            break;
        case IO_NOWAIT: {
            struct iovec iov = {buf, len};
            n = io->writing ? pwritev2(io->fd, &iov, 1, -1, RWF_NOWAIT)
                            : preadv2(io->fd, &iov, 1, -1, RWF_NOWAIT);
            if (n < 0 && (errno == EOPNOTSUPP || errno == ENOSYS ||
                          errno == EINVAL)) {
                io->kind = IO_POLLED;
                continue;
            }
            break;
        }
        case IO_POLLED: {
            struct pollfd p = {io->fd, io->writing ? POLLOUT : POLLIN, 0};
            int r = poll(&p, 1, 0);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0)
                return -errno;
            if (r == 0)
                return -EAGAIN;
            size_t want = len;
            int avail;
            if (io->writing) {
                if (want > PIPE_BUF)
                    want = PIPE_BUF;
            } else if (!(p.revents & (POLLHUP | POLLERR)) &&
                       ioctl(io->fd, FIONREAD, &avail) == 0 && avail > 0 &&
                       (size_t)avail < want) {
                want = (size_t)avail;
            }
            n = plain(io, buf, want);
            break;
        }
        default:
            return -EINVAL;
        }
        if (n >= 0)
            return n;
        if (errno == EINTR)
            continue;
        if (errno == EWOULDBLOCK)
            return -EAGAIN;
        return -errno;
    }
}

/* ---- suspended operations -----------------------------------------------
 * Each of in_, out and err is an object (emilua/object.h) with one queue
 * of waiting operations.  While the queue is not empty, one private epoll
 * fd holds the stdio fd, and one uv_poll_t watches the epoll fd; both go
 * when the queue empties, because dup_from() may put another file behind
 * the stdio fd between two waits. */

struct stdio_obj {
    emilua_object obj;
    int fd;                 /* STDIN_FILENO... */
    bool writing;
    struct watch *watch;    /* while some operation waits */
    struct emilua_waitq waits;
};

struct watch {
    uv_poll_t poll;         /* on epfd */
    int epfd;
};

struct op {
    struct emilua_waiter waiter;
    struct io io;
    emilua_bytes *mem;      /* the span's memory, referenced, or NULL */
    unsigned char *data;
    size_t len;
    unsigned char copy[];   /* a string being written */
};

static void op_free(struct op *op)
{
    io_close(&op->io);
    if (op->mem)
        emilua_bytes_unref(op->mem);
    free(op);
}

static void free_waiter(struct emilua_waiter *w)
{
    op_free(EMILUA_CONTAINER_OF(w, struct op, waiter));
}

static void watch_closed(emilua_object *o, uv_handle_t *h)
{
    struct watch *w = EMILUA_CONTAINER_OF(h, struct watch, poll);
    close(w->epfd);
    free(w);
}

/* Stops watching once nobody waits. */
static void unwatch_if_idle(struct stdio_obj *s)
{
    if (!s->watch || !emilua_waitq_empty(&s->waits))
        return;
    uv_poll_stop(&s->watch->poll);
    emilua_object_close_handle((uv_handle_t *)&s->watch->poll);
    s->watch = NULL;
}

/* Pushes the result of a finished call: (nil, n) or (error). */
static int push_result(lua_State *L, ssize_t n, bool writing)
{
    return emilua_io_push_result(L, n == 0 && !writing ? EMILUA_EOF : n);
}

static void op_finish(struct op *op, ssize_t n)
{
    emilua_fiber *f = op->waiter.fiber;
    bool writing = op->io.writing;
    op_free(op);
    if (n == 0 && !writing)
        n = EMILUA_EOF;
    if (n < 0) {
        emilua_resume_status(f, (int)n);
        return;
    }
    lua_State *co = emilua_resume_begin(f);
    if (co) {
        lua_pushinteger(co, n);
        emilua_resume_end(f, 1);
    }
}

/* The system call is made here, once the fd is ready. */
static void on_ready(uv_poll_t *h, int status, int events)
{
    struct stdio_obj *s = h->data;
    struct emilua_waiter *w;
    while ((w = s->waits.head)) {
        struct op *op = EMILUA_CONTAINER_OF(w, struct op, waiter);
        ssize_t n = status < 0 ? status
                               : io_try(&op->io, op->data, op->len);
        if (n == -EAGAIN)
            break;
        emilua_waitq_unlink(w);
        op_finish(op, n);
    }
    unwatch_if_idle(s);
}

static void op_cancel(emilua_fiber *f, void *data)
{
    struct op *op = data;
    struct stdio_obj *s = EMILUA_CONTAINER_OF(op->waiter.queue,
                                              struct stdio_obj, waits);
    emilua_waitq_unlink(&op->waiter);
    op_free(op);
    unwatch_if_idle(s);
    emilua_resume_canceled(f);
}

/* Starts watching the stdio fd: 0, or -EPERM when it cannot be watched
 * (a file in nonblocking mode), or another negative status. */
static int watch(struct stdio_obj *s, uv_loop_t *loop)
{
    if (s->watch)
        return 0;
    struct watch *w = malloc(sizeof *w);
    if (!w)
        return -ENOMEM;
    w->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (w->epfd < 0) {
        int err = errno;
        free(w);
        return -err;
    }
    struct epoll_event ev = {.events = s->writing ? EPOLLOUT : EPOLLIN};
    int rc = 0;
    if (epoll_ctl(w->epfd, EPOLL_CTL_ADD, s->fd, &ev) != 0)
        rc = -errno;
    else if ((rc = uv_poll_init(loop, &w->poll, w->epfd)) == 0)
        emilua_object_add_handle(&s->obj, (uv_handle_t *)&w->poll);
    if (rc != 0) {
        close(w->epfd);
        free(w);
        return rc;
    }
    s->watch = w;
    rc = uv_poll_start(&w->poll, UV_READABLE, on_ready);
    if (rc != 0)
        unwatch_if_idle(s);
    return rc;
}

/* Waits for the fd to be ready, then finishes the call.  `src` is the
 * string being written, copied because the Lua string may go away. */
static int suspend_op(lua_State *L, emilua_fiber *f, struct stdio_obj *s,
                      struct io *io, emilua_bytes *mem, unsigned char *data,
                      size_t len, const char *src)
{
    int rc = watch(s, emilua_vm_loop(emilua_vm_of(L)));
    if (rc == -EPERM) {
        /* Not pollable (a file in nonblocking mode): just do the call. */
        io->kind = IO_BLOCKING;
        ssize_t n = io_try(io, data, len);
        io_close(io);
        return push_result(L, n, io->writing);
    }
    if (rc != 0) {
        io_close(io);
        return push_result(L, rc, io->writing);
    }
    struct op *op = malloc(sizeof *op + (src ? len : 0));
    if (!op) {
        io_close(io);
        unwatch_if_idle(s);
        return push_result(L, -ENOMEM, io->writing);
    }
    op->waiter = (struct emilua_waiter){0};
    op->io = *io;
    op->mem = mem;
    op->len = len;
    if (src) {
        memcpy(op->copy, src, len);
        op->data = op->copy;
    } else {
        op->data = data;
        emilua_bytes_ref(mem);
    }
    emilua_waitq_push(&s->waits, &op->waiter, f);
    return emilua_suspend(L, f, op_cancel, op);
}

static int do_io(lua_State *L, struct stdio_obj *s)
{
    bool writing = s->writing;
    emilua_bytes *mem = NULL;
    unsigned char *data = NULL;
    const char *src = NULL;
    size_t len = 0;
    emilua_byte_span *span = emilua_test_byte_span(L, 2);
    if (span) {
        mem = span->mem;
        data = emilua_byte_span_data(span);
        len = span->size;
    } else if (writing && lua_type(L, 2) == LUA_TSTRING) {
        src = lua_tolstring(L, 2, &len);
        data = (unsigned char *)src;
    } else {
        return emilua_arg_error(L, 2, "buffer",
                                writing ? "a byte_span or a string"
                                        : "a byte_span");
    }

    emilua_fiber *f = emilua_begin_suspend(L);
    if (len == 0)
        return push_result(L, 0, true);

    struct io io;
    int rc = io_open(&io, s->fd, writing);
    if (rc != 0)
        return push_result(L, rc, writing);
    /* Behind other waiters: FIFO. */
    if (emilua_waitq_empty(&s->waits)) {
        ssize_t n = io_try(&io, data, len);
        if (n != -EAGAIN) {
            io_close(&io);
            return push_result(L, n, writing);
        }
    }
    return suspend_op(L, f, s, &io, mem, data, len, src);
}

/* The VM's three objects, in a VM slot keyed by &stdio_ops.  The system
 * module's table keeps them for the life of the VM. */
struct stdio_vm {
    struct stdio_obj *obj[3];
};

/* GC (at VM close): a waiting fiber keeps its object reachable, so
 * waiters are only left here after their cancellers ran. */
static void stdio_close(emilua_object *o);

static const emilua_object_ops stdio_ops = {stdio_close, watch_closed, NULL};

static void stdio_close(emilua_object *o)
{
    struct stdio_obj *s = (struct stdio_obj *)o;
    emilua_object_end_waits(o, &s->waits, EMILUA_ABORTED, free_waiter);
    unwatch_if_idle(s);
    struct stdio_vm *v = emilua_vm_slot(o->vm, &stdio_ops);
    v->obj[s->fd] = NULL;
    if (!v->obj[0] && !v->obj[1] && !v->obj[2]) {
        free(v);
        emilua_vm_set_slot(o->vm, &stdio_ops, NULL);
    }
}

/* ---- the methods ---------------------------------------------------------
 * The manual says self is ignored by read_some/write_some; every method
 * here is bound to its fd instead of reading it from self. */

static int stdio_dup(lua_State *L, int fd)
{
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return emilua_raise_errno(L, errno);
    emilua_push_file_descriptor(L, nfd);
    return 1;
}

static int stdio_dup_from(lua_State *L, int fd)
{
    int oldd = emilua_check_file_descriptor(L, 2, "oldd");
    system_check_master(L);
    /* dup2 leaves FD_CLOEXEC off the stdio fd, as it should be. */
    while (dup2(oldd, fd) < 0) {
        if (errno != EINTR && errno != EBUSY)
            return emilua_raise_errno(L, errno);
    }
    return 0;
}

static int stdio_isatty(lua_State *L, int fd)
{
    lua_pushboolean(L, isatty(fd));
    return 1;
}

static int stdio_tcgetpgrp(lua_State *L, int fd)
{
    pid_t pgrp = tcgetpgrp(fd);
    if (pgrp < 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, pgrp);
    return 1;
}

static int stdio_tcsetpgrp(lua_State *L, int fd)
{
    pid_t pgrp = (pid_t)system_check_int_range(L, 2, "pgid_id", INT_MIN,
                                               INT_MAX);
    if (tcsetpgrp(fd, pgrp) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

#define STDIO_METHODS(obj, fd)                                              \
    static int obj##_dup(lua_State *L)                                      \
    {                                                                       \
        return stdio_dup(L, fd);                                            \
    }                                                                       \
    static int obj##_dup_from(lua_State *L)                                 \
    {                                                                       \
        return stdio_dup_from(L, fd);                                       \
    }                                                                       \
    static int obj##_isatty(lua_State *L)                                   \
    {                                                                       \
        return stdio_isatty(L, fd);                                         \
    }                                                                       \
    static int obj##_tcgetpgrp(lua_State *L)                                \
    {                                                                       \
        return stdio_tcgetpgrp(L, fd);                                      \
    }                                                                       \
    static int obj##_tcsetpgrp(lua_State *L)                                \
    {                                                                       \
        return stdio_tcsetpgrp(L, fd);                                      \
    }

STDIO_METHODS(in_, STDIN_FILENO)
STDIO_METHODS(out, STDOUT_FILENO)
STDIO_METHODS(err, STDERR_FILENO)

/* self is ignored (see above): the VM's objects are found by fd. */
static struct stdio_obj *vm_stdio(lua_State *L, int fd)
{
    struct stdio_vm *v = emilua_vm_slot(emilua_vm_of(L), &stdio_ops);
    return v->obj[fd];
}

static int in_read_some(lua_State *L)
{
    return do_io(L, vm_stdio(L, STDIN_FILENO));
}

static int out_write_some(lua_State *L)
{
    return do_io(L, vm_stdio(L, STDOUT_FILENO));
}

static int err_write_some(lua_State *L)
{
    return do_io(L, vm_stdio(L, STDERR_FILENO));
}

#define COMMON_ENTRIES(obj)                                                 \
    {"dup", obj##_dup, 0},                                                  \
    {"dup_from", obj##_dup_from, 0},                                        \
    {"isatty", obj##_isatty, 0},                                            \
    {"tcgetpgrp", obj##_tcgetpgrp, 0},                                      \
    {"tcsetpgrp", obj##_tcsetpgrp, 0}

static const emilua_reg in_methods[] = {
    {"read_some", in_read_some, EMILUA_SUSPENDS},
    COMMON_ENTRIES(in_),
    {NULL, NULL, 0},
};

static const emilua_reg out_methods[] = {
    {"write_some", out_write_some, EMILUA_SUSPENDS},
    COMMON_ENTRIES(out),
    {NULL, NULL, 0},
};

static const emilua_reg err_methods[] = {
    {"write_some", err_write_some, EMILUA_SUSPENDS},
    COMMON_ENTRIES(err),
    {NULL, NULL, 0},
};

static const luaL_Reg stdio_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type in_type = {
    "system.in_", in_methods, stdio_meta, NULL,
};
static const emilua_udata_type out_type = {
    "system.out", out_methods, stdio_meta, NULL,
};
static const emilua_udata_type err_type = {
    "system.err", err_methods, stdio_meta, NULL,
};

static void new_stdio(lua_State *L, struct stdio_vm *v,
                      const emilua_udata_type *type, int fd,
                      const char *field)
{
    struct stdio_obj *s = emilua_object_new(L, type, sizeof *s, &stdio_ops);
    s->fd = fd;
    s->writing = fd != STDIN_FILENO;
    v->obj[fd] = s;
    lua_setfield(L, -2, field);
}

void system_open_stdio(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    struct stdio_vm *v = calloc(1, sizeof *v);
    if (!v)
        emilua_raise_errno(L, ENOMEM);
    if (!emilua_vm_set_slot(vm, &stdio_ops, v)) {
        free(v);
        luaL_error(L, "system: no VM slot left");
    }
    /* From here on the objects' close frees v. */
    new_stdio(L, v, &in_type, STDIN_FILENO, "in_");
    new_stdio(L, v, &out_type, STDOUT_FILENO, "out");
    new_stdio(L, v, &err_type, STDERR_FILENO, "err");
}
