/* The unix module: unix.stream.{acceptor,socket},
 * unix.seqpacket.{acceptor,socket}, unix.datagram.socket, and the
 * dial/listen helpers.  This file holds the types' tables and the
 * functions that make sockets; the methods are in sockets.c and fds.c. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unix_module.h"

/* Each type's own C function for a shared method: argument errors name
 * the function by its registration, so each type registers its own. */
#define SELF(kind) ((struct usock *)emilua_object_check(L, 1, &usock_types[kind]))
#define METHOD(p, kind, name, expr)                                          \
    static int p##_##name(lua_State *L)                                     \
    {                                                                        \
        struct usock *s = SELF(kind);                                        \
        return expr;                                                         \
    }

#define COMMON(p, kind)                                                      \
    METHOD(p, kind, open, usock_open(L, s))                                  \
    METHOD(p, kind, bind, usock_bind(L, s))                                  \
    METHOD(p, kind, close, emilua_io_method_close(L, &s->io))                \
    METHOD(p, kind, cancel, emilua_io_method_cancel(L, &s->io))              \
    METHOD(p, kind, assign, emilua_io_method_assign(L, &s->io, 2))           \
    METHOD(p, kind, release, emilua_io_method_release(L, &s->io))            \
    METHOD(p, kind, set_option, usock_set_option(L, s))                      \
    METHOD(p, kind, get_option, usock_get_option(L, s))                      \
    METHOD(p, kind, index, usock_index(L, s))

#define COMMON_REGS(p)                                                       \
    {"open", p##_open, 0}, {"bind", p##_bind, 0}, {"close", p##_close, 0},   \
    {"cancel", p##_cancel, 0}, {"assign", p##_assign, 0},                    \
    {"release", p##_release, 0}, {"set_option", p##_set_option, 0},          \
    {"get_option", p##_get_option, 0}

#define ACCEPTOR(p, kind)                                                    \
    COMMON(p, kind)                                                          \
    METHOD(p, kind, listen, usock_listen(L, s))                              \
    METHOD(p, kind, accept, usock_accept(L, s))                              \
    METHOD(p, kind, wait, usock_wait(L, s))                                  \
    static const emilua_reg p##_methods[] = {                               \
        COMMON_REGS(p), {"listen", p##_listen, 0},                           \
        {"accept", p##_accept, EMILUA_SUSPENDS},                             \
        {"wait", p##_wait, EMILUA_SUSPENDS}, {NULL, NULL, 0},                \
    };

/* What connected sockets (stream, seqpacket, datagram) share. */
#define CONNECTED(p, kind)                                                   \
    COMMON(p, kind)                                                          \
    METHOD(p, kind, disconnect, usock_disconnect(L, s))                      \
    METHOD(p, kind, shutdown, usock_shutdown(L, s))                          \
    METHOD(p, kind, io_control, usock_io_control(L, s))                      \
    METHOD(p, kind, receive_with_fds, usock_receive_with_fds(L, s, false))   \
    METHOD(p, kind, send_with_fds, usock_send_with_fds(L, s, false))

#define CONNECTED_REGS(p)                                                    \
    COMMON_REGS(p), {"disconnect", p##_disconnect, 0},                       \
    {"shutdown", p##_shutdown, 0}, {"io_control", p##_io_control, 0},        \
    {"receive_with_fds", p##_receive_with_fds, EMILUA_SUSPENDS},             \
    {"send_with_fds", p##_send_with_fds, EMILUA_SUSPENDS}

ACCEPTOR(sa, USOCK_STREAM_ACCEPTOR)
ACCEPTOR(qa, USOCK_SEQPACKET_ACCEPTOR)

CONNECTED(ss, USOCK_STREAM)
METHOD(ss, USOCK_STREAM, connect, usock_connect(L, s))
METHOD(ss, USOCK_STREAM, read_some, usock_receive(L, s, false))
METHOD(ss, USOCK_STREAM, write_some, usock_send(L, s, false))
static const emilua_reg ss_methods[] = {
    CONNECTED_REGS(ss),
    {"connect", ss_connect, EMILUA_SUSPENDS},
    {"read_some", ss_read_some, EMILUA_SUSPENDS},
    {"write_some", ss_write_some, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

CONNECTED(qs, USOCK_SEQPACKET)
METHOD(qs, USOCK_SEQPACKET, connect, usock_connect(L, s))
METHOD(qs, USOCK_SEQPACKET, receive, usock_receive(L, s, false))
METHOD(qs, USOCK_SEQPACKET, send, usock_send(L, s, false))
static const emilua_reg qs_methods[] = {
    CONNECTED_REGS(qs),
    {"connect", qs_connect, EMILUA_SUSPENDS},
    {"receive", qs_receive, EMILUA_SUSPENDS},
    {"send", qs_send, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

CONNECTED(ds, USOCK_DATAGRAM)
METHOD(ds, USOCK_DATAGRAM, connect, usock_connect_now(L, s))
METHOD(ds, USOCK_DATAGRAM, receive, usock_receive(L, s, false))
METHOD(ds, USOCK_DATAGRAM, receive_from, usock_receive(L, s, true))
METHOD(ds, USOCK_DATAGRAM, send, usock_send(L, s, false))
METHOD(ds, USOCK_DATAGRAM, send_to, usock_send(L, s, true))
METHOD(ds, USOCK_DATAGRAM, receive_from_with_fds,
       usock_receive_with_fds(L, s, true))
METHOD(ds, USOCK_DATAGRAM, send_to_with_fds, usock_send_with_fds(L, s, true))
static const emilua_reg ds_methods[] = {
    CONNECTED_REGS(ds),
    {"connect", ds_connect, 0},
    {"receive", ds_receive, EMILUA_SUSPENDS},
    {"receive_from", ds_receive_from, EMILUA_SUSPENDS},
    {"send", ds_send, EMILUA_SUSPENDS},
    {"send_to", ds_send_to, EMILUA_SUSPENDS},
    {"receive_from_with_fds", ds_receive_from_with_fds, EMILUA_SUSPENDS},
    {"send_to_with_fds", ds_send_to_with_fds, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

static const luaL_Reg usock_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

const emilua_udata_type usock_types[USOCK_KINDS] = {
    [USOCK_STREAM_ACCEPTOR] = {"unix.stream.acceptor", sa_methods,
                               usock_meta, sa_index},
    [USOCK_STREAM] = {"unix.stream.socket", ss_methods, usock_meta,
                      ss_index},
    [USOCK_SEQPACKET_ACCEPTOR] = {"unix.seqpacket.acceptor", qa_methods,
                                  usock_meta, qa_index},
    [USOCK_SEQPACKET] = {"unix.seqpacket.socket", qs_methods, usock_meta,
                         qs_index},
    [USOCK_DATAGRAM] = {"unix.datagram.socket", ds_methods, usock_meta,
                        ds_index},
};

struct usock *usock_new(lua_State *L, enum usock_kind kind)
{
    static const int socktype[USOCK_KINDS] = {
        SOCK_STREAM, SOCK_STREAM, SOCK_SEQPACKET, SOCK_SEQPACKET, SOCK_DGRAM,
    };
    struct usock *s = emilua_io_new(L, &usock_types[kind], sizeof *s);
    s->socktype = socktype[kind];
    s->acceptor = kind == USOCK_STREAM_ACCEPTOR ||
                  kind == USOCK_SEQPACKET_ACCEPTOR;
    return s;
}

enum usock_kind usock_accepted_kind(const struct usock *s)
{
    return s->socktype == SOCK_STREAM ? USOCK_STREAM : USOCK_SEQPACKET;
}

/* ---- constructors ---------------------------------------------------------- */

#define NEW(p, kind)                                                         \
    static int p##_new(lua_State *L)                                        \
    {                                                                        \
        lua_settop(L, 1);                                                    \
        struct usock *s = usock_new(L, kind);                                \
        emilua_io_new_from(L, &s->io, 1);                                    \
        return 1;                                                            \
    }

NEW(sa, USOCK_STREAM_ACCEPTOR)
NEW(qa, USOCK_SEQPACKET_ACCEPTOR)
NEW(ss, USOCK_STREAM)
NEW(qs, USOCK_SEQPACKET)
NEW(ds, USOCK_DATAGRAM)

static int make_pair(lua_State *L, enum usock_kind kind)
{
    /* Both objects first, so a failed allocation leaks no fd. */
    struct usock *a = usock_new(L, kind);
    struct usock *b = usock_new(L, kind);
    int fds[2];
    if (socketpair(AF_UNIX, a->socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0,
                   fds) != 0)
        return emilua_raise_errno(L, errno);
    emilua_io_assign(&a->io, fds[0], false);
    emilua_io_assign(&b->io, fds[1], false);
    return 2;
}

static int ss_pair(lua_State *L) { return make_pair(L, USOCK_STREAM); }
static int qs_pair(lua_State *L) { return make_pair(L, USOCK_SEQPACKET); }
static int ds_pair(lua_State *L) { return make_pair(L, USOCK_DATAGRAM); }

/* dial(ep): the connect runs on a socket of this call; once it is done,
 * its fd moves into the socket returned (an op's push function has no
 * other way to reach the object it ran on). */
static int push_dialed(lua_State *L, emilua_io_op *op, ssize_t result)
{
    struct usock *tmp = (struct usock *)op->io;
    struct usock *s = usock_new(L, tmp->socktype == SOCK_STREAM ? USOCK_STREAM
                                   : tmp->socktype == SOCK_SEQPACKET
                                       ? USOCK_SEQPACKET : USOCK_DATAGRAM);
    emilua_io_assign(&s->io, emilua_io_release(&tmp->io), false);
    return 1;
}

static ssize_t try_connect(emilua_io *io, emilua_io_op *op)
{
    if (connect(io->fd, (struct sockaddr *)&op->addr, op->addrlen) == 0)
        return 0;
    return errno == EINPROGRESS ? -EAGAIN : -errno;
}

/* A failed or canceled dial closes its socket now: nothing else refers
 * to it, and the next GC cycle may be far away. */
static void push_dial_error(lua_State *L, emilua_io_op *op, ssize_t result)
{
    emilua_io_close(op->io);
    emilua_push_status(L, (int)result);
}

static void dial_canceled(emilua_io *io)
{
    emilua_io_close(io);
}

static int dial(lua_State *L, enum usock_kind kind)
{
    struct sockaddr_un sa;
    socklen_t len = usock_check_endpoint(L, 1, &sa);
    emilua_begin_suspend(L);    /* the cancellation point, before the fd */
    struct usock *s = usock_new(L, kind);
    int rc = usock_open_fd(s);
    if (rc < 0)
        return emilua_io_push_result(L, rc);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT,
                                          try_connect, push_dialed);
    memcpy(&op->addr, &sa, len);
    op->addrlen = len;
    op->push_error = push_dial_error;
    op->canceled = dial_canceled;
    return emilua_io_submit(L, op);
}

static int ss_dial(lua_State *L) { return dial(L, USOCK_STREAM); }
static int qs_dial(lua_State *L) { return dial(L, USOCK_SEQPACKET); }
static int ds_dial(lua_State *L) { return dial(L, USOCK_DATAGRAM); }

/* listen(ep[, mode]): the steps of the reference, in its order.  An
 * existing socket file is an error (EADDRINUSE), on purpose. */
static int listen_on(lua_State *L, enum usock_kind kind)
{
    struct sockaddr_un sa;
    socklen_t len = usock_check_endpoint(L, 1, &sa);
    bool has_mode = !lua_isnoneornil(L, 2);
    mode_t mode = 0;
    if (has_mode)
        mode = (mode_t)emilua_check_integer(L, 2, "mode") & 0777;
    struct usock *s = usock_new(L, kind);
    int rc = usock_open_fd(s);
    if (rc < 0)
        return emilua_io_raise_status(L, rc);
    if ((has_mode && fchmod(s->io.fd, mode) != 0) ||
        bind(s->io.fd, (struct sockaddr *)&sa, len) != 0 ||
        (has_mode && sa.sun_path[0] != '\0' && chmod(sa.sun_path, mode) != 0) ||
        listen(s->io.fd, SOMAXCONN) != 0) {
        /* Closed now rather than at the next GC cycle. */
        int err = errno;
        emilua_io_close(&s->io);
        return emilua_raise_errno(L, err);
    }
    return 1;
}

static int sa_listen_fn(lua_State *L)
{
    return listen_on(L, USOCK_STREAM_ACCEPTOR);
}

static int qa_listen_fn(lua_State *L)
{
    return listen_on(L, USOCK_SEQPACKET_ACCEPTOR);
}

/* ---- the module table ------------------------------------------------------ */

static void set_type(lua_State *L, const char *field, const char *name,
                     const emilua_reg *regs)
{
    lua_newtable(L);
    emilua_set_funcs(L, name, regs);
    lua_setfield(L, -2, field);
}

int emilua_open_unix(lua_State *L)
{
    static const emilua_reg stream[] = {
        {"dial", ss_dial, EMILUA_SUSPENDS}, {"listen", sa_listen_fn, 0},
        {NULL, NULL, 0},
    };
    static const emilua_reg seqpacket[] = {
        {"dial", qs_dial, EMILUA_SUSPENDS}, {"listen", qa_listen_fn, 0},
        {NULL, NULL, 0},
    };
    static const emilua_reg datagram[] = {
        {"dial", ds_dial, EMILUA_SUSPENDS}, {NULL, NULL, 0},
    };
    static const emilua_reg sa_funcs[] = {{"new", sa_new, 0}, {NULL, NULL, 0}};
    static const emilua_reg qa_funcs[] = {{"new", qa_new, 0}, {NULL, NULL, 0}};
    static const emilua_reg ss_funcs[] = {
        {"new", ss_new, 0}, {"pair", ss_pair, 0}, {NULL, NULL, 0},
    };
    static const emilua_reg qs_funcs[] = {
        {"new", qs_new, 0}, {"pair", qs_pair, 0}, {NULL, NULL, 0},
    };
    static const emilua_reg ds_funcs[] = {
        {"new", ds_new, 0}, {"pair", ds_pair, 0}, {NULL, NULL, 0},
    };

    lua_newtable(L);

    lua_newtable(L);
    emilua_set_funcs(L, "unix.stream", stream);
    set_type(L, "acceptor", "unix.stream.acceptor", sa_funcs);
    set_type(L, "socket", "unix.stream.socket", ss_funcs);
    lua_setfield(L, -2, "stream");

    lua_newtable(L);
    emilua_set_funcs(L, "unix.seqpacket", seqpacket);
    set_type(L, "acceptor", "unix.seqpacket.acceptor", qa_funcs);
    set_type(L, "socket", "unix.seqpacket.socket", qs_funcs);
    /* The reference's synopses spell it segpacket. */
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "segpacket");
    lua_setfield(L, -2, "seqpacket");

    lua_newtable(L);
    emilua_set_funcs(L, "unix.datagram", datagram);
    set_type(L, "socket", "unix.datagram.socket", ds_funcs);
    lua_setfield(L, -2, "datagram");
    return 1;
}
