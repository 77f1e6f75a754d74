/* ip.udp.socket: a datagram socket.  Each receive or send is one whole
 * datagram (a receive into a smaller buffer truncates it, as recv(2)
 * does); an empty datagram is a result of 0, not an end of stream.
 * connect() only sets the default peer, so it does not suspend. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "socket.h"

static ssize_t try_receive(emilua_io *io, emilua_io_op *op)
{
    op->addrlen = sizeof op->addr;
    ssize_t n = recvfrom(io->fd, op->buf, op->len, op->flags,
                         (struct sockaddr *)&op->addr, &op->addrlen);
    return n >= 0 ? n : -errno;
}

static ssize_t try_send(emilua_io *io, emilua_io_op *op)
{
    ssize_t n = sendto(io->fd, op->buf, op->len, op->flags | MSG_NOSIGNAL,
                       op->addrlen ? (struct sockaddr *)&op->addr : NULL,
                       op->addrlen);
    return n >= 0 ? n : -errno;
}

static int push_sender(lua_State *L, emilua_io_op *op, ssize_t n)
{
    lua_pushinteger(L, n);
    emilua_push_ip_endpoint(L, (struct sockaddr *)&op->addr);
    return 3;
}

static struct ip_sock *check_udp(lua_State *L)
{
    return emilua_object_check(L, 1, &emilua_ip_udp_socket_type);
}

static int udp_new(lua_State *L)
{
    ipsock_new(L, &emilua_ip_udp_socket_type);
    return 1;
}

/* A socket that was never opened is opened for the peer's family. */
static int udp_connect(lua_State *L)
{
    struct ip_sock *s = check_udp(L);
    struct sockaddr_storage ss;
    socklen_t len = ipsock_check_endpoint(L, 2, &ss);
    if (s->io.fd < 0) {
        int rc = ipsock_open_family(s, ss.ss_family);
        if (rc < 0)
            return emilua_raise_errno(L, -rc);
    }
    if (connect(s->io.fd, (struct sockaddr *)&ss, len) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int start_receive(lua_State *L, bool with_sender)
{
    struct ip_sock *s = check_udp(L);
    emilua_byte_span *buf = emilua_check_byte_span(L, 2);
    int flags = ipsock_check_msg_flags(L, 3);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_IN,
                                          try_receive,
                                          with_sender ? push_sender : NULL);
    emilua_io_op_buffer(op, buf);
    op->flags = flags;
    return emilua_io_submit(L, op);
}

static int udp_receive(lua_State *L)
{
    return start_receive(L, false);
}

static int udp_receive_from(lua_State *L)
{
    return start_receive(L, true);
}

static int udp_send(lua_State *L)
{
    struct ip_sock *s = check_udp(L);
    emilua_byte_span *span = ipsock_check_buffer(L, 2, true);
    int flags = ipsock_check_msg_flags(L, 3);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT, try_send,
                                          NULL);
    ipsock_op_buffer(L, op, 2, span);
    op->flags = flags;
    return emilua_io_submit(L, op);
}

static int udp_send_to(lua_State *L)
{
    struct ip_sock *s = check_udp(L);
    emilua_byte_span *span = ipsock_check_buffer(L, 2, true);
    struct sockaddr_storage ss;
    socklen_t len = ipsock_check_endpoint(L, 3, &ss);
    int flags = ipsock_check_msg_flags(L, 5);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT, try_send,
                                          NULL);
    ipsock_op_buffer(L, op, 2, span);
    memcpy(&op->addr, &ss, len);
    op->addrlen = len;
    op->flags = flags;
    return emilua_io_submit(L, op);
}

IPSOCK_METHOD(udp, open)
IPSOCK_METHOD(udp, bind)
IPSOCK_METHOD(udp, shutdown)
IPSOCK_METHOD(udp, disconnect)
IPSOCK_METHOD(udp, close)
IPSOCK_METHOD(udp, cancel)
IPSOCK_METHOD(udp, assign)
IPSOCK_METHOD(udp, release)
IPSOCK_METHOD(udp, set_option)
IPSOCK_METHOD(udp, get_option)
IPSOCK_METHOD(udp, io_control)

static const emilua_reg udp_methods[] = {
    {"open", udp_open, 0},
    {"bind", udp_bind, 0},
    {"shutdown", udp_shutdown, 0},
    {"connect", udp_connect, 0},
    {"disconnect", udp_disconnect, 0},
    {"close", udp_close, 0},
    {"cancel", udp_cancel, 0},
    {"assign", udp_assign, 0},
    {"release", udp_release, 0},
    {"receive", udp_receive, EMILUA_SUSPENDS},
    {"receive_from", udp_receive_from, EMILUA_SUSPENDS},
    {"send", udp_send, EMILUA_SUSPENDS},
    {"send_to", udp_send_to, EMILUA_SUSPENDS},
    {"set_option", udp_set_option, 0},
    {"get_option", udp_get_option, 0},
    {"io_control", udp_io_control, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg udp_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

const emilua_udata_type emilua_ip_udp_socket_type = {
    "ip.udp.socket", udp_methods, udp_meta, ipsock_index,
};

static const emilua_reg udp_funcs[] = {
    {"new", udp_new, 0},
    {NULL, NULL, 0},
};

void ip_set_udp_socket(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "ip.udp.socket", udp_funcs);
    lua_setfield(L, -2, "socket");
}
