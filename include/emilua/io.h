/* The IO-object layer: what every fd-backed object of the runtime shares
 * (sockets, pipes, ttys...).  A module adds only its system calls.
 *
 * An emilua_io is an object (include/emilua/object.h) owning a
 * nonblocking O_CLOEXEC fd.  A Lua call is one operation: the module
 * takes an op record with emilua_io_op_begin(), fills in its arguments
 * and hands it to emilua_io_submit(), which calls the module's try
 * function once.  The try function makes ONE system call attempt and
 * returns its result (>= 0), an error status (< 0: -errno, EMILUA_EOF), or
 * says it must wait:
 *
 *   -EAGAIN                  wait until the fd is ready for the op's
 *                            own direction, then try again;
 *   EMILUA_IO_WANT_READ/WRITE wait for that direction (TLS: SSL_read may
 *                            need the fd writable, SSL_write readable).
 *
 * Only then does the fiber wait: in the queue of that direction, FIFO,
 * with the object's one uv_poll_t watching the union of the directions
 * somebody waits for (a direction nobody waits for any more stays watched
 * until it fires once, and the idle poll does not keep the loop alive:
 * request-response loops then make no epoll_ctl per wait).  The try
 * function runs
 * again from the poll callback, so an operation canceled while it waits
 * has not happened.  A result ready at once still goes through the ready
 * queue (emilua_suspend_post), so a busy object cannot starve others.
 *
 *     static ssize_t try_read(emilua_io *io, emilua_io_op *op)
 *     {
 *         ssize_t n = read(io->fd, op->buf, op->len);
 *         return n > 0 ? n : n == 0 ? EMILUA_EOF : -errno;
 *     }
 *
 *     static int my_read_some(lua_State *L)
 *     {
 *         emilua_io *io = emilua_object_check(L, 1, &my_type);
 *         emilua_byte_span *s = emilua_check_byte_span(L, 2);
 *         emilua_io_op *op = emilua_io_op_begin(L, io, EMILUA_IO_IN, try_read,
 *                                               NULL);
 *         emilua_io_op_buffer(op, s);
 *         return emilua_io_submit(L, op);
 *     }
 *
 * The op ends with (nil, result) where push() (NULL: the result as an
 * integer) chose the values, or with the error of a negative result.
 * A try function may keep state in the op between attempts: connect()
 * first calls connect(2) and, once EINPROGRESS became writability, reads
 * SO_ERROR (op->flags can say which step it is at). */
#ifndef EMILUA_IO_H
#define EMILUA_IO_H

#include <sys/socket.h>
#include <sys/types.h>

#include <emilua/api.h>
#include <emilua/byte_span.h>
#include <emilua/object.h>
#include <emilua/waitq.h>

typedef struct emilua_io emilua_io;
typedef struct emilua_io_op emilua_io_op;

enum { EMILUA_IO_IN = 0, EMILUA_IO_OUT = 1 };

#define EMILUA_IO_WANT_READ  (-0x10001)
#define EMILUA_IO_WANT_WRITE (-0x10002)

/* One system call attempt (see above).  Runs with no Lua state at hand. */
typedef ssize_t (*emilua_io_try_fn)(emilua_io *io, emilua_io_op *op);
/* Pushes the values of a successful result on L; returns how many.  Must
 * not raise but for memory errors (it runs from a libuv callback). */
typedef int (*emilua_io_push_fn)(lua_State *L, emilua_io_op *op,
                                 ssize_t result);
/* Pushes the one error value of a failed result (< 0) on L, for a module
 * whose errors are not all statuses (TLS: OpenSSL's own codes).  The same
 * rules as for push. */
typedef void (*emilua_io_push_error_fn)(lua_State *L, emilua_io_op *op,
                                        ssize_t result);

struct emilua_io_op {
    struct emilua_waiter waiter;    /* queue and fiber */
    emilua_io *io;
    emilua_io_try_fn try_fn;
    emilua_io_push_fn push;
    emilua_io_push_error_fn push_error; /* NULL: emilua_push_status() */
    ssize_t result;
    /* The arguments, for the module's try and push functions. */
    unsigned char *buf;
    size_t len;
    emilua_bytes *mem;              /* buf's block, referenced, or NULL */
    int flags;
    socklen_t addrlen;
    struct sockaddr_storage addr;
    void *data;
    /* Optional: runs after fiber:cancel() (or the VM closing) aborted the
     * op while it waited, for an op that cannot be undone in the kernel
     * (a connect in progress closes its socket, as Boost.Asio does). */
    void (*canceled)(emilua_io *io);
    uint8_t dir;                    /* the direction it waits for */
    emilua_io_op *next_free;
};

struct emilua_io {
    emilua_object obj;
    int fd;                         /* -1: closed */
    uv_poll_t *poll;                /* for fd, made on the first wait */
    int events;                     /* what the poll watches now */
    struct emilua_waitq waiting[2]; /* by direction */
    emilua_io_op *free_ops;         /* op records to reuse */
    /* Optional: releases the module's part of the record before it is
     * freed (the fd is closed by then). */
    void (*finalize)(emilua_io *io);
};

/* Pushes a userdata of type (its metamethods must hold {"__gc",
 * emilua_object_gc}) for a new record of size bytes, closed (fd -1). */
void *emilua_io_new(lua_State *L, const emilua_udata_type *type, size_t size);

/* Makes io own fd: 0 or a negative status (the fd is then not taken).
 * -EBUSY when io is open.  With set_flags false the caller vouches that fd
 * is nonblocking and close-on-exec already (accept4, socket with flags);
 * otherwise both are set. */
int emilua_io_assign(emilua_io *io, int fd, bool set_flags);
/* Ends every pending op with EMILUA_ABORTED; returns how many. */
int emilua_io_cancel(emilua_io *io);
/* Cancels, stops polling and closes the fd.  0, or a negative status from
 * close(); idempotent. */
int emilua_io_close(emilua_io *io);
/* Cancels, stops polling and gives the fd away: io is closed afterwards.
 * -EBADF when io was closed.  A release() method pushes the fd with
 * emilua_push_file_descriptor(); assign() takes one with
 * emilua_take_file_descriptor() (include/emilua/file_descriptor.h). */
int emilua_io_release(emilua_io *io);

/* Starts an operation of the fiber running L in direction dir: the
 * cancellation point (raises fiber_canceled), raises EBADF on a closed
 * object and ENOMEM.  Call it after the arguments are checked. */
emilua_io_op *emilua_io_op_begin(lua_State *L, emilua_io *io, int dir,
                                 emilua_io_try_fn try_fn,
                                 emilua_io_push_fn push);
/* Points op at the span's bytes, referencing their block. */
void emilua_io_op_buffer(emilua_io_op *op, const emilua_byte_span *s);
/* Tries the op and suspends the fiber until it ends.  Must be the last
 * thing the lua_CFunction does: `return emilua_io_submit(L, op);`. */
int emilua_io_submit(lua_State *L, emilua_io_op *op);

/* For calls that do not suspend: pushes (nil, n) for n >= 0, else the
 * error of the status (EMILUA_EOF: asio_error.misc.eof); returns the
 * count, the convention of EMILUA_SUSPENDS functions. */
int emilua_io_push_result(lua_State *L, ssize_t n);

#endif
