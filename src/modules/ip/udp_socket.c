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

static struct ip_sock *check_udp(lua_State *L, const char *func)
{
    return emilua_object_check(L, 1, &emilua_ip_udp_socket_type, func);
}

static int udp_new(lua_State *L)
{
    ipsock_new(L, &emilua_ip_udp_socket_type);
    return 1;
}

/* A socket that was never opened is opened for the peer's family. */
static int udp_connect(lua_State *L)
{
    const char *func = "ip.udp.socket:connect";
    struct ip_sock *s = check_udp(L, func);
    struct sockaddr_storage ss;
    socklen_t len = ipsock_check_endpoint(L, 2, func, &ss);
    if (s->io.fd < 0) {
        int rc = ipsock_open_family(s, ss.ss_family);
        if (rc < 0)
            return emilua_raise_errno(L, -rc);
    }
    if (connect(s->io.fd, (struct sockaddr *)&ss, len) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int start_receive(lua_State *L, bool with_sender, const char *func)
{
    struct ip_sock *s = check_udp(L, func);
    emilua_byte_span *buf = emilua_check_byte_span(L, 2, func);
    int flags = ipsock_check_msg_flags(L, 3, func);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_IN,
                                          try_receive,
                                          with_sender ? push_sender : NULL);
    emilua_io_op_buffer(op, buf);
    op->flags = flags;
    return emilua_io_submit(L, op);
}

static int udp_receive(lua_State *L)
{
    return start_receive(L, false, "ip.udp.socket:receive");
}

static int udp_receive_from(lua_State *L)
{
    return start_receive(L, true, "ip.udp.socket:receive_from");
}

/* The datagram: a byte_span, or a string the caller's frame keeps. */
static void check_datagram(lua_State *L, const char *func)
{
    if (!emilua_test_byte_span(L, 2) && lua_type(L, 2) != LUA_TSTRING)
        emilua_arg_error(L, 2, func, "buffer", "a byte_span or a string");
}

static void op_datagram(lua_State *L, emilua_io_op *op)
{
    emilua_byte_span *b = emilua_test_byte_span(L, 2);
    if (b) {
        emilua_io_op_buffer(op, b);
    } else {
        size_t len;
        op->buf = (unsigned char *)lua_tolstring(L, 2, &len);
        op->len = len;
    }
}

static int udp_send(lua_State *L)
{
    const char *func = "ip.udp.socket:send";
    struct ip_sock *s = check_udp(L, func);
    check_datagram(L, func);
    int flags = ipsock_check_msg_flags(L, 3, func);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT, try_send,
                                          NULL);
    op_datagram(L, op);
    op->flags = flags;
    return emilua_io_submit(L, op);
}

static int udp_send_to(lua_State *L)
{
    const char *func = "ip.udp.socket:send_to";
    struct ip_sock *s = check_udp(L, func);
    check_datagram(L, func);
    struct sockaddr_storage ss;
    socklen_t len = ipsock_check_endpoint(L, 3, func, &ss);
    int flags = ipsock_check_msg_flags(L, 5, func);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT, try_send,
                                          NULL);
    op_datagram(L, op);
    memcpy(&op->addr, &ss, len);
    op->addrlen = len;
    op->flags = flags;
    return emilua_io_submit(L, op);
}

static const emilua_reg udp_methods[] = {
    {"open", ipsock_open, 0},
    {"bind", ipsock_bind, 0},
    {"shutdown", ipsock_shutdown, 0},
    {"connect", udp_connect, 0},
    {"disconnect", ipsock_disconnect, 0},
    {"close", ipsock_close, 0},
    {"cancel", ipsock_cancel, 0},
    {"assign", ipsock_assign, 0},
    {"release", ipsock_release, 0},
    {"receive", udp_receive, EMILUA_SUSPENDS},
    {"receive_from", udp_receive_from, EMILUA_SUSPENDS},
    {"send", udp_send, EMILUA_SUSPENDS},
    {"send_to", udp_send_to, EMILUA_SUSPENDS},
    {"set_option", ipsock_set_option, 0},
    {"get_option", ipsock_get_option, 0},
    {"io_control", ipsock_io_control, 0},
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
    emilua_set_funcs(L, udp_funcs);
    lua_setfield(L, -2, "socket");
}
