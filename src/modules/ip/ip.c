/* The ip module value: ip.address, the ip.tcp and ip.udp tables (their
 * resolvers here; the socket types, listen, dial and ip.connect join
 * them in emilua_open_ip below) and the free functions host_name,
 * tostring and toendpoint. */
#include <errno.h>
#include <string.h>

#include <emilua/ip.h>

#include "ip_module.h"

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
    emilua_ip_address *a = emilua_check_ip_address(L, 1, "ip.tostring");
    char buf[EMILUA_IP_ENDPOINTSTRLEN];
    size_t n;
    if (lua_isnoneornil(L, 2))
        n = emilua_ip_format(a, buf);
    else
        n = emilua_ip_format_endpoint(a, emilua_check_ip_port(L, 2,
                                                              "ip.tostring"),
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
    const char *ep = emilua_check_string(L, 1, &len, "ip.toendpoint", "ep");
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

int emilua_open_ip(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, ip_funcs);
    ip_open_address(L);
    lua_setfield(L, -2, "address");
    lua_newtable(L);
    ip_set_resolvers(L, false);
    lua_setfield(L, -2, "tcp");
    lua_newtable(L);
    ip_set_resolvers(L, true);
    lua_setfield(L, -2, "udp");
    return 1;
}
