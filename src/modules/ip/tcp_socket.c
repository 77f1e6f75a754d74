/* ip.tcp.socket: a stream socket.  connect, read_some/write_some and
 * receive/send are one system call attempt each on the IO-object layer;
 * the rest is shared with the other socket types (socket_common.c).
 *
 * A fiber canceled while its connect is in progress closes the socket,
 * as Boost.Asio does: the kernel's attempt cannot be taken back, and a
 * half-connected socket is of no use.  cancel() ends the connect with
 * operation_aborted but leaves the attempt running. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "socket.h"

static ssize_t try_read(emilua_io *io, emilua_io_op *op)
{
    if (op->len == 0)
        return 0;
    ssize_t n = recv(io->fd, op->buf, op->len, op->flags);
    return n > 0 ? n : n == 0 ? EMILUA_EOF : -errno;
}

/* MSG_NOSIGNAL: a peer gone away is EPIPE, never SIGPIPE. */
static ssize_t try_write(emilua_io *io, emilua_io_op *op)
{
    if (op->len == 0)
        return 0;
    ssize_t n = send(io->fd, op->buf, op->len, op->flags | MSG_NOSIGNAL);
    return n >= 0 ? n : -errno;
}

static struct ip_sock *check_tcp(lua_State *L)
{
    return emilua_object_check(L, 1, &emilua_ip_tcp_socket_type);
}

static int tcp_new(lua_State *L)
{
    ipsock_new(L, &emilua_ip_tcp_socket_type);
    return 1;
}

static void connect_canceled(emilua_io *io)
{
    emilua_io_close(io);
    ((struct ip_sock *)io)->family = 0;
}

/* A socket that was never opened is opened for the peer's family. */
static int tcp_connect(lua_State *L)
{
    struct ip_sock *s = check_tcp(L);
    struct sockaddr_storage ss;
    socklen_t len = ipsock_check_endpoint(L, 2, &ss);
    if (s->io.fd < 0) {
        emilua_begin_suspend(L);    /* the cancellation point comes first */
        int rc = ipsock_open_family(s, ss.ss_family);
        if (rc < 0)
            return emilua_io_push_result(L, rc);
    }
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT,
                                          ipsock_try_connect,
                                          ipsock_push_nothing);
    memcpy(&op->addr, &ss, len);
    op->addrlen = len;
    op->canceled = connect_canceled;
    return emilua_io_submit(L, op);
}

static int start_transfer(lua_State *L, int dir, bool with_flags)
{
    struct ip_sock *s = check_tcp(L);
    emilua_byte_span *span = ipsock_check_buffer(L, 2, dir == EMILUA_IO_OUT);
    int flags = with_flags ? ipsock_check_msg_flags(L, 3) : 0;
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, dir,
                                          dir == EMILUA_IO_IN ? try_read
                                                              : try_write,
                                          NULL);
    ipsock_op_buffer(L, op, 2, span);
    op->flags = flags;
    return emilua_io_submit(L, op);
}

static int tcp_read_some(lua_State *L)
{
    return start_transfer(L, EMILUA_IO_IN, false);
}

static int tcp_write_some(lua_State *L)
{
    return start_transfer(L, EMILUA_IO_OUT, false);
}

static int tcp_receive(lua_State *L)
{
    return start_transfer(L, EMILUA_IO_IN, true);
}

static int tcp_send(lua_State *L)
{
    return start_transfer(L, EMILUA_IO_OUT, true);
}

/* The reference makes it a TransmitFile() wrapper, "only available on
 * Windows": Emilua 0.11 on Linux has no such method to be compatible
 * with, so it stays an error that says so. */
static int tcp_send_file(lua_State *L)
{
    check_tcp(L);
    return luaL_error(L, "ip.tcp.socket:send_file: only available on "
                         "Windows (TransmitFile)");
}

IPSOCK_METHOD(tcp, open)
IPSOCK_METHOD(tcp, bind)
IPSOCK_METHOD(tcp, close)
IPSOCK_METHOD(tcp, cancel)
IPSOCK_METHOD(tcp, assign)
IPSOCK_METHOD(tcp, release)
IPSOCK_METHOD(tcp, io_control)
IPSOCK_METHOD(tcp, shutdown)
IPSOCK_METHOD(tcp, disconnect)
IPSOCK_METHOD(tcp, wait)
IPSOCK_METHOD(tcp, set_option)
IPSOCK_METHOD(tcp, get_option)

static const emilua_reg tcp_methods[] = {
    {"open", tcp_open, 0},
    {"bind", tcp_bind, 0},
    {"close", tcp_close, 0},
    {"cancel", tcp_cancel, 0},
    {"assign", tcp_assign, 0},
    {"release", tcp_release, 0},
    {"io_control", tcp_io_control, 0},
    {"shutdown", tcp_shutdown, 0},
    {"connect", tcp_connect, EMILUA_SUSPENDS},
    {"disconnect", tcp_disconnect, 0},
    {"read_some", tcp_read_some, EMILUA_SUSPENDS},
    {"write_some", tcp_write_some, EMILUA_SUSPENDS},
    {"receive", tcp_receive, EMILUA_SUSPENDS},
    {"send", tcp_send, EMILUA_SUSPENDS},
    {"send_file", tcp_send_file, 0},
    {"wait", tcp_wait, EMILUA_SUSPENDS},
    {"set_option", tcp_set_option, 0},
    {"get_option", tcp_get_option, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg tcp_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

const emilua_udata_type emilua_ip_tcp_socket_type = {
    "ip.tcp.socket", tcp_methods, tcp_meta, ipsock_index,
};

emilua_io *emilua_test_ip_tcp_socket(lua_State *L, int idx)
{
    return emilua_object_test(L, idx, &emilua_ip_tcp_socket_type);
}

emilua_io *emilua_check_ip_tcp_socket(lua_State *L, int argn)
{
    return emilua_object_check(L, argn, &emilua_ip_tcp_socket_type);
}

int emilua_ip_tcp_socket_take(emilua_io *io)
{
    int fd = emilua_io_release(io);
    if (fd >= 0)
        ((struct ip_sock *)io)->family = 0;
    return fd;
}

emilua_io *emilua_push_ip_tcp_socket(lua_State *L, int fd, int family)
{
    struct ip_sock *s = ipsock_new(L, &emilua_ip_tcp_socket_type);
    emilua_io_assign(&s->io, fd, false);
    s->family = family;
    return &s->io;
}

static const emilua_reg tcp_funcs[] = {
    {"new", tcp_new, 0},
    {NULL, NULL, 0},
};

void ip_set_tcp_socket(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "ip.tcp.socket", tcp_funcs);
    lua_setfield(L, -2, "socket");
}
