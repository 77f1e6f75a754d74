/* tls.socket.new(sock[, ctx]): takes an ip.tcp.socket over.
 * The TCP socket is closed afterwards (its pending operations end with
 * operation_aborted), as a moved-from Boost.Asio socket is. */
#include <unistd.h>

#include <emilua/ip_socket.h>

#include "tls_module.h"

static int socket_new(lua_State *L)
{
    emilua_io *tcp = emilua_test_ip_tcp_socket(L, 1);
    if (!tcp)
        return emilua_arg_error(L, 1, "sock", "an ip.tcp.socket");
    SSL_CTX *ctx = lua_isnoneornil(L, 2) ? emilua_tls_default_context(L)
                                         : emilua_tls_test_context(L, 2);
    if (!ctx)
        return emilua_arg_error(L, 2, "tls_ctx", "a tls.context");
    void *s = tls_socket_push(L, ctx);
    /* A closed TCP socket gives a closed TLS socket, as in Boost.Asio:
     * its operations fail with EBADF. */
    if (tcp->fd < 0)
        return 1;
    int fd = emilua_ip_tcp_socket_take(tcp);
    if (fd < 0)
        return emilua_raise_errno(L, -fd);
    int rc = tls_socket_attach(s, fd);
    if (rc < 0) {
        close(fd);
        return emilua_raise_errno(L, -rc);
    }
    return 1;
}

static const emilua_reg socket_funcs[] = {
    {"new", socket_new, 0},
    {NULL, NULL, 0},
};

void tls_open_socket(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "tls.socket", socket_funcs);
}
