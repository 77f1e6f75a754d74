/* ip.tcp.acceptor: a listening TCP socket.  accept() is one accept4(2)
 * attempt on the IO-object layer; the accepted connection becomes an
 * ip.tcp.socket.  A connection aborted before it was accepted is skipped
 * unless the "enable_connection_aborted" option asks for ECONNABORTED,
 * as Boost.Asio does. */
#include <errno.h>
#include <sys/socket.h>

#include "socket.h"

static ssize_t try_accept(emilua_io *io, emilua_io_op *op)
{
    struct ip_sock *s = (struct ip_sock *)io;
    op->addrlen = sizeof op->addr;
    int fd = accept4(io->fd, (struct sockaddr *)&op->addr, &op->addrlen,
                     SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0)
        return fd;
    if (errno == ECONNABORTED && !s->enable_connection_aborted)
        return -EAGAIN;
    return -errno;
}

static int push_accepted(lua_State *L, emilua_io_op *op, ssize_t fd)
{
    emilua_push_ip_tcp_socket(L, (int)fd, op->addr.ss_family);
    return 1;
}

static int acceptor_new(lua_State *L)
{
    ipsock_new(L, &emilua_ip_tcp_acceptor_type);
    return 1;
}

static int acceptor_listen(lua_State *L)
{
    struct ip_sock *s = emilua_object_check(L, 1, &emilua_ip_tcp_acceptor_type);
    int backlog = SOMAXCONN;
    if (!lua_isnoneornil(L, 2)) {
        lua_Integer b = emilua_check_integer(L, 2, "backlog");
        if (b < 0 || b > INT32_MAX)
            return emilua_raise_einval_arg(L, 2);
        backlog = (int)b;
    }
    if (listen(s->io.fd, backlog) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int acceptor_accept(lua_State *L)
{
    struct ip_sock *s = emilua_object_check(L, 1, &emilua_ip_tcp_acceptor_type);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_IN, try_accept,
                                          push_accepted);
    return emilua_io_submit(L, op);
}

IPSOCK_METHOD(acceptor, open)
IPSOCK_METHOD(acceptor, set_option)
IPSOCK_METHOD(acceptor, get_option)
IPSOCK_METHOD(acceptor, bind)
IPSOCK_METHOD(acceptor, wait)
IPSOCK_METHOD(acceptor, close)
IPSOCK_METHOD(acceptor, cancel)
IPSOCK_METHOD(acceptor, assign)
IPSOCK_METHOD(acceptor, release)

static const emilua_reg acceptor_methods[] = {
    {"open", acceptor_open, 0},
    {"set_option", acceptor_set_option, 0},
    {"get_option", acceptor_get_option, 0},
    {"bind", acceptor_bind, 0},
    {"listen", acceptor_listen, 0},
    {"accept", acceptor_accept, EMILUA_SUSPENDS},
    {"wait", acceptor_wait, EMILUA_SUSPENDS},
    {"close", acceptor_close, 0},
    {"cancel", acceptor_cancel, 0},
    {"assign", acceptor_assign, 0},
    {"release", acceptor_release, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg acceptor_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

const emilua_udata_type emilua_ip_tcp_acceptor_type = {
    "ip.tcp.acceptor", acceptor_methods, acceptor_meta, ipsock_index,
};

static const emilua_reg acceptor_funcs[] = {
    {"new", acceptor_new, 0},
    {NULL, NULL, 0},
};

void ip_set_tcp_acceptor(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "ip.tcp.acceptor", acceptor_funcs);
    lua_setfield(L, -2, "acceptor");
}
