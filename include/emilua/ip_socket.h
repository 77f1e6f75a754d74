/* The C side of ip.tcp.socket, for modules that build on a connected TCP
 * socket (tls.socket).
 *
 * An ip.tcp.socket is an IO object (emilua/io.h): its record starts with
 * an emilua_io whose fd is the nonblocking, close-on-exec socket.  A
 * module that wraps one takes the connection over:
 *
 *     emilua_io *tcp = emilua_check_ip_tcp_socket(L, 1);
 *     int fd = emilua_ip_tcp_socket_take(tcp);  // tcp is closed after
 *     if (fd < 0)
 *         return emilua_raise_errno(L, -fd);
 *     my_io = emilua_io_new(L, &my_type, sizeof *my);
 *     emilua_io_assign(my_io, fd, false);        // flags already right
 *
 * Taking the fd aborts the TCP socket's pending operations with
 * operation_aborted (as release() does) and leaves it closed. */
#ifndef EMILUA_IP_SOCKET_H
#define EMILUA_IP_SOCKET_H

#include <emilua/api.h>
#include <emilua/io.h>

extern const emilua_udata_type emilua_ip_tcp_socket_type;

/* The IO object of the ip.tcp.socket at idx, or NULL for another value. */
emilua_io *emilua_test_ip_tcp_socket(lua_State *L, int idx);
/* Same, raising the usual argument error ("self" at argn 1). */
emilua_io *emilua_check_ip_tcp_socket(lua_State *L, int argn);
/* Gives the socket's fd away (see above): the fd, or -EBADF when the
 * socket is closed. */
int emilua_ip_tcp_socket_take(emilua_io *io);
/* Pushes a new ip.tcp.socket owning fd, a connected or unconnected
 * socket of family (AF_INET or AF_INET6) that is nonblocking and
 * close-on-exec already. */
emilua_io *emilua_push_ip_tcp_socket(lua_State *L, int fd, int family);

#endif
