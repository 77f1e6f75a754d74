/* The ip module value: ip.address, the ip.tcp and ip.udp tables (their
 * resolvers here; the socket types, listen, dial and ip.connect join
 * them in emilua_open_ip below) and the free functions host_name,
 * tostring and toendpoint. */
#include <errno.h>
#include <string.h>

#include <emilua/ip.h>

#include <emilua/asio_error.h>
#include <emilua/ip_socket.h>

#include "ip_lua.h"
#include "ip_module.h"
#include "socket.h"

static int ip_host_name(lua_State *L)
{
    char buf[UV_MAXHOSTNAMESIZE];
    size_t len = sizeof buf;
    int err = uv_os_gethostname(buf, &len);
    if (err)
        return emilua_raise_errno(L, -err);
    lua_pushlstring(L, buf, len);
    return 1;
}

static int ip_tostring(lua_State *L)
{
    emilua_ip_address *a = emilua_check_ip_address(L, 1, NULL);
    char buf[EMILUA_IP_ENDPOINTSTRLEN];
    size_t n;
    if (lua_isnoneornil(L, 2))
        n = emilua_ip_format(a, buf);
    else
        n = emilua_ip_format_endpoint(a, emilua_check_ip_port(L, 2),
                                      buf);
    lua_pushlstring(L, buf, n);
    return 1;
}

static bool parse_port(const char *s, uint16_t *port)
{
    unsigned long v = 0;
    if (*s == '\0' || strlen(s) > 5)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (unsigned long)(*s - '0');
    }
    if (v > 65535)
        return false;
    *port = (uint16_t)v;
    return true;
}

/* "a.b.c.d:port" or "[v6]:port", the forms ip.tostring writes.  An IPv6
 * address must be in brackets: "::1:80" reads both ways. */
static int ip_toendpoint(lua_State *L)
{
    size_t len;
    const char *ep = emilua_check_string(L, 1, &len, "ep");
    char host[256], service[64];
    emilua_ip_address a;
    uint16_t port;
    if (!emilua_ip_split_endpoint(ep, len, host, service) ||
        (ep[0] != '[' && strchr(host, ':')) ||
        !emilua_ip_parse(host, strlen(host), &a) ||
        (ep[0] == '[' && a.family != AF_INET6) ||
        !parse_port(service, &port))
        return emilua_raise_einval_arg(L, 1);
    emilua_push_ip_address(L, &a);
    lua_pushinteger(L, port);
    return 2;
}

int emilua_push_ip_endpoint(lua_State *L, const struct sockaddr *sa)
{
    emilua_ip_address a;
    uint16_t port;
    if (!emilua_ip_from_sockaddr(sa, &a, &port))
        return emilua_raise_errno(L, EAFNOSUPPORT);
    emilua_push_ip_address(L, &a);
    lua_pushinteger(L, port);
    return 2;
}

static const emilua_reg ip_funcs[] = {
    {"host_name", ip_host_name, 0},
    {"tostring", ip_tostring, 0},
    {"toendpoint", ip_toendpoint, 0},
    {NULL, NULL, 0},
};

/* ---- natives of lua/ip.lua ------------------------------------------------ */

static int native_einval(lua_State *L)
{
    emilua_push_error(L, &emilua_generic_category, EINVAL);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "arg");
    return 1;
}

static int native_not_found(lua_State *L)
{
    emilua_push_error(L, &emilua_asio_misc_category,
                      EMILUA_ASIO_MISC_NOT_FOUND);
    return 1;
}

static int native_is_socket(lua_State *L)
{
    lua_pushboolean(L, emilua_test_ip_tcp_socket(L, 1) ||
                           emilua_object_test(L, 1,
                                              &emilua_ip_udp_socket_type));
    return 1;
}

static int native_split(lua_State *L)
{
    size_t len;
    const char *ep = lua_tolstring(L, 1, &len);
    char host[256], service[64];
    if (!ep || !emilua_ip_split_endpoint(ep, len, host, service))
        return 0;
    lua_pushstring(L, host);
    lua_pushstring(L, service);
    return 2;
}

/* Runs lua/ip.lua over the module table on top of the stack. */
static void add_composed_ops(lua_State *L)
{
    static const luaL_Reg natives[] = {
        {"arg_error", emilua_arg_error_value},
        {"einval", native_einval},
        {"not_found", native_not_found},
        {"is_socket", native_is_socket},
        {"split", native_split},
        {NULL, NULL},
    };
    if (luaL_loadbuffer(L, (const char *)luaJIT_BC_ip, luaJIT_BC_ip_SIZE,
                        "=[emilua ip]") != 0)
        lua_error(L);
    lua_pushvalue(L, -2);
    lua_newtable(L);
    luaL_register(L, NULL, natives);
    lua_call(L, 2, 0);
}

int emilua_open_ip(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "ip", ip_funcs);
    ip_open_address(L);
    lua_setfield(L, -2, "address");
    lua_newtable(L);
    ip_set_resolvers(L, false);
    ip_set_tcp_acceptor(L);
    ip_set_tcp_socket(L);
    lua_setfield(L, -2, "tcp");
    lua_newtable(L);
    ip_set_resolvers(L, true);
    ip_set_udp_socket(L);
    lua_setfield(L, -2, "udp");
    add_composed_ops(L);
    ipsock_set_moves(L);
    return 1;
}
