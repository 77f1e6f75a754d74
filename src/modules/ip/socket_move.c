/* ip sockets in messages to another VM: the fd travels, the receiver gets
 * a new socket of the same type and family.  A socket with an operation
 * pending stays where it is (EBUSY). */
#include <sys/socket.h>

#include "socket.h"

static int move_check(lua_State *L, int idx, const emilua_udata_type *type)
{
    struct ip_sock *s = emilua_object_test(L, idx, type);
    if (s->io.fd < 0)
        return -EBADF;
    if (!emilua_waitq_empty(&s->io.waiting[0]) ||
        !emilua_waitq_empty(&s->io.waiting[1]))
        return -EBUSY;
    return 0;
}

static int move_take(lua_State *L, int idx, const emilua_udata_type *type)
{
    struct ip_sock *s = emilua_object_test(L, idx, type);
    int fd = emilua_io_release(&s->io);
    if (fd >= 0)
        s->family = 0;
    return fd;
}

static void move_push(lua_State *L, int fd, const emilua_udata_type *type)
{
    struct ip_sock *s = ipsock_new(L, type);
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    ss.ss_family = AF_UNSPEC;
    getsockname(fd, (struct sockaddr *)&ss, &len);
    emilua_io_assign(&s->io, fd, false);
    s->family = ss.ss_family;
}

static const emilua_udata_move ipsock_move = {
    move_check, move_take, move_push,
};

void ipsock_set_moves(lua_State *L)
{
    emilua_udata_set_move(L, &emilua_ip_tcp_socket_type, &ipsock_move);
    emilua_udata_set_move(L, &emilua_ip_udp_socket_type, &ipsock_move);
    emilua_udata_set_move(L, &emilua_ip_tcp_acceptor_type, &ipsock_move);
}
