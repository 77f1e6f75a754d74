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
 * The waiting is the IO-object layer's (see "the objects" below).  An
 * operation is tried at once, so system.out writes stay in program order
 * with print(), which writes fd 1 directly. */
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

/* Picks the way to do IO on fd, given its fstat() and F_GETFL. */
static void io_open(struct io *io, int fd, bool writing,
                    const struct stat *st, int fl)
{
    io->fd = fd;
    io->own_fd = -1;
    io->writing = writing;
    if (S_ISSOCK(st->st_mode)) {
        io->kind = IO_SOCKET;
    } else if (fl & O_NONBLOCK) {
        io->kind = IO_NONBLOCK;
    } else if (S_ISFIFO(st->st_mode)) {
        io->kind = IO_NOWAIT;
    } else if (S_ISCHR(st->st_mode) && isatty(fd)) {
        int nfd = reopen_tty(fd, writing, st);
        if (nfd >= 0) {
            io->fd = io->own_fd = nfd;
            io->kind = IO_NONBLOCK;
        } else {
            io->kind = IO_POLLED;
        }
    } else if (S_ISCHR(st->st_mode)) {
        io->kind = IO_NOWAIT;
    } else {
        io->kind = IO_BLOCKING;
    }
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

/* ---- the objects ---------------------------------------------------------
 * Each of in_, out and err is an emilua_io (emilua/io.h) whose fd is a
 * private epoll fd holding the stdio fd: the layer polls that one (its
 * uv_poll_init sets O_NONBLOCK on the epoll fd, which is harmless) and
 * owns waiting, cancellation, close and GC, while the try function does
 * the IO on the stdio fd the way `how` says.  The epoll fd is readable
 * when the stdio fd is ready in the stream's direction, so every op waits
 * in the layer's IN queue.  dup_from() (or anything else) may put another
 * file behind the stdio fd: each op first checks what the fd is, and a
 * new file gets a new epoll fd (as soon as no op waits on the old one). */

struct stdio_obj {
    emilua_io io;           /* io.fd: the epoll fd, made by the first op */
    int fd;                 /* STDIN_FILENO... */
    bool writing;
    bool stale;             /* the epoll fd may still hold an old file */
    struct io how;
    dev_t dev;              /* the file `how` was made for */
    ino_t ino;
    int fl;
};

static void stdio_finalize(emilua_io *io)
{
    io_close(&((struct stdio_obj *)io)->how);
}

static bool idle(struct stdio_obj *s)
{
    return emilua_waitq_empty(&s->io.waiting[EMILUA_IO_IN]);
}

/* Watches the stdio fd through a new epoll fd: 0 or a negative status. */
static int new_epoll(struct stdio_obj *s)
{
    emilua_io_close(&s->io);    /* nobody waits: cancels nothing */
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0)
        return -errno;
    s->stale = false;
    return emilua_io_assign(&s->io, epfd, false);
}

/* Makes `how` and the epoll fd fit the file behind the stdio fd: 0 or a
 * negative status. */
static int prepare(struct stdio_obj *s)
{
    struct stat st;
    if (fstat(s->fd, &st) != 0)
        return -errno;
    int fl = fcntl(s->fd, F_GETFL);
    if (fl < 0)
        return -errno;
    bool same = s->io.fd >= 0 && st.st_dev == s->dev &&
        st.st_ino == s->ino && fl == s->fl;
    if (same && !(s->stale && idle(s)))
        return 0;
    int rc;
    if (!same)
        io_close(&s->how);
    if (s->io.fd < 0 || idle(s)) {
        if ((rc = new_epoll(s)) != 0)
            return rc;
    } else {
        s->stale = true;    /* waiters still watch the old file */
    }
    s->dev = st.st_dev;
    s->ino = st.st_ino;
    s->fl = fl;
    if (!same)
        io_open(&s->how, s->fd, s->writing, &st, fl);
    struct epoll_event ev = {.events = s->writing ? EPOLLOUT : EPOLLIN};
    if (epoll_ctl(s->io.fd, EPOLL_CTL_ADD, s->fd, &ev) == 0 ||
        errno == EEXIST)
        return 0;
    if (errno == EPERM) {
        /* Not pollable (a file in nonblocking mode): just do the calls. */
        s->how.kind = IO_BLOCKING;
        return 0;
    }
    rc = -errno;
    s->fl = -1;             /* not ready: again next time */
    return rc;
}

static ssize_t try_io(emilua_io *io, emilua_io_op *op)
{
    struct stdio_obj *s = (struct stdio_obj *)io;
    if (op->len == 0)
        return 0;
    ssize_t n = io_try(&s->how, op->buf, op->len);
    return n == 0 && !s->writing ? EMILUA_EOF : n;
}

static int do_io(lua_State *L, struct stdio_obj *s)
{
    emilua_byte_span *span = emilua_test_byte_span(L, 2);
    if (!span && s->writing && lua_type(L, 2) == LUA_TSTRING) {
        /* Copied: the string may be gone by the time the fd is ready. */
        size_t len;
        const char *src = lua_tolstring(L, 2, &len);
        span = emilua_push_byte_span(L, len, len);
        if (len > 0)        /* an empty span has no memory */
            memcpy(emilua_byte_span_data(span), src, len);
    } else if (!span) {
        return emilua_arg_error(L, 2, "buffer",
                                s->writing ? "a byte_span or a string"
                                           : "a byte_span");
    }
    int rc = prepare(s);
    if (rc != 0) {
        emilua_begin_suspend(L);
        return emilua_io_push_result(L, rc);
    }
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_IN, try_io,
                                          NULL);
    emilua_io_op_buffer(op, span);
    return emilua_io_submit(L, op);
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

/* self is ignored (see above): the VM's objects are kept in the registry,
 * each under the address of its type. */
static const emilua_udata_type in_type, out_type, err_type;
static const emilua_udata_type *const stdio_types[3] = {
    &in_type, &out_type, &err_type,
};

static struct stdio_obj *vm_stdio(lua_State *L, int fd)
{
    lua_pushlightuserdata(L, (void *)stdio_types[fd]);
    lua_rawget(L, LUA_REGISTRYINDEX);
    struct stdio_obj *s = emilua_object_test(L, -1, stdio_types[fd]);
    lua_pop(L, 1);
    if (!s)
        emilua_raise_errno(L, EBADF);   /* collected: the VM is closing */
    return s;
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

static void new_stdio(lua_State *L, const emilua_udata_type *type, int fd,
                      const char *field)
{
    struct stdio_obj *s = emilua_io_new(L, type, sizeof *s);
    s->fd = fd;
    s->writing = fd != STDIN_FILENO;
    s->how.own_fd = -1;
    s->io.finalize = stdio_finalize;
    lua_pushlightuserdata(L, (void *)type);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
    lua_setfield(L, -2, field);
}

void system_open_stdio(lua_State *L)
{
    new_stdio(L, &in_type, STDIN_FILENO, "in_");
    new_stdio(L, &out_type, STDOUT_FILENO, "out");
    new_stdio(L, &err_type, STDERR_FILENO, "err");
}
