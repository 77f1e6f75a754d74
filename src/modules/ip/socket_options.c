/* set_option/get_option of the three socket types: one table row per
 * option name, mapped to the socket option of the socket's family.
 *
 * Values: booleans and integers as the option is; "linger" is a table
 * {enabled = boolean, timeout = integer (seconds)}; the multicast group
 * options take the group's ip.address (an IPv6 group joins on the
 * interface of its scope id); "multicast_interface" takes the IPv4
 * address of an interface, or an IPv6 interface index. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

#include "socket.h"

#define SOL(n, k, o) {n, k, SOL_SOCKET, o, SOL_SOCKET, o, false}
#define V6ONLY {"v6_only", OPT_BOOL, IPPROTO_IPV6, IPV6_V6ONLY, \
                IPPROTO_IPV6, IPV6_V6ONLY, false}

const struct ip_option ipsock_acceptor_options[] = {
    SOL("reuse_address", OPT_BOOL, SO_REUSEADDR),
    {"enable_connection_aborted", OPT_CONN_ABORTED, 0, 0, 0, 0, false},
    SOL("debug", OPT_BOOL, SO_DEBUG),
    V6ONLY,
    {NULL, 0, 0, 0, 0, 0, false},
};

const struct ip_option ipsock_tcp_options[] = {
    {"tcp_no_delay", OPT_BOOL, IPPROTO_TCP, TCP_NODELAY, IPPROTO_TCP,
     TCP_NODELAY, false},
    SOL("send_low_watermark", OPT_INT, SO_SNDLOWAT),
    SOL("send_buffer_size", OPT_INT, SO_SNDBUF),
    SOL("receive_low_watermark", OPT_INT, SO_RCVLOWAT),
    SOL("receive_buffer_size", OPT_INT, SO_RCVBUF),
    SOL("out_of_band_inline", OPT_BOOL, SO_OOBINLINE),
    SOL("linger", OPT_LINGER, SO_LINGER),
    SOL("keep_alive", OPT_BOOL, SO_KEEPALIVE),
    SOL("do_not_route", OPT_BOOL, SO_DONTROUTE),
    SOL("debug", OPT_BOOL, SO_DEBUG),
    V6ONLY,
    {NULL, 0, 0, 0, 0, 0, false},
};

const struct ip_option ipsock_udp_options[] = {
    SOL("debug", OPT_BOOL, SO_DEBUG),
    SOL("broadcast", OPT_BOOL, SO_BROADCAST),
    SOL("do_not_route", OPT_BOOL, SO_DONTROUTE),
    SOL("send_buffer_size", OPT_INT, SO_SNDBUF),
    SOL("receive_buffer_size", OPT_INT, SO_RCVBUF),
    SOL("reuse_address", OPT_BOOL, SO_REUSEADDR),
    {"multicast_loop", OPT_BOOL, IPPROTO_IP, IP_MULTICAST_LOOP,
     IPPROTO_IPV6, IPV6_MULTICAST_LOOP, false},
    {"multicast_hops", OPT_INT, IPPROTO_IP, IP_MULTICAST_TTL,
     IPPROTO_IPV6, IPV6_MULTICAST_HOPS, false},
    {"join_multicast_group", OPT_JOIN, IPPROTO_IP, IP_ADD_MEMBERSHIP,
     IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, true},
    {"leave_multicast_group", OPT_LEAVE, IPPROTO_IP, IP_DROP_MEMBERSHIP,
     IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, true},
    {"multicast_interface", OPT_MCAST_IF, IPPROTO_IP, IP_MULTICAST_IF,
     IPPROTO_IPV6, IPV6_MULTICAST_IF, true},
    {"unicast_hops", OPT_INT, IPPROTO_IP, IP_TTL, IPPROTO_IPV6,
     IPV6_UNICAST_HOPS, false},
    V6ONLY,
    {NULL, 0, 0, 0, 0, 0, false},
};

static const struct ip_option *find_option(lua_State *L, struct ip_sock *s,
                                           bool set)
{
    size_t len;
    const char *name = emilua_check_string(L, 2, &len, "opt");
    for (const struct ip_option *o = s->options; o->name; o++) {
        if (strcmp(o->name, name) == 0 && (set || !o->set_only))
            return o;
    }
    emilua_raise_einval_arg(L, 2);
    return NULL;
}

/* The group option of addr: an IPv4 group or an IPv6 one, whatever the
 * socket's family (as Boost.Asio chooses). */
static int set_group(struct ip_sock *s, const struct ip_option *o,
                     const emilua_ip_address *a)
{
    if (a->family == AF_INET) {
        struct ip_mreqn m = {0};
        memcpy(&m.imr_multiaddr, a->bytes, 4);
        /* On the interface chosen with "multicast_interface", if any: a
         * host without a route for the group has no default one. */
        socklen_t len = sizeof m.imr_address;
        getsockopt(s->io.fd, IPPROTO_IP, IP_MULTICAST_IF, &m.imr_address,
                   &len);
        return setsockopt(s->io.fd, o->level4, o->name4, &m, sizeof m);
    }
    struct ipv6_mreq m = {0};
    memcpy(&m.ipv6mr_multiaddr, a->bytes, 16);
    m.ipv6mr_interface = a->scope_id;
    return setsockopt(s->io.fd, o->level6, o->name6, &m, sizeof m);
}

static int set_mcast_if(lua_State *L, struct ip_sock *s,
                        const struct ip_option *o)
{
    emilua_ip_address *a = emilua_test_ip_address(L, 3);
    if (a && a->family == AF_INET) {
        struct in_addr in;
        memcpy(&in, a->bytes, 4);
        return setsockopt(s->io.fd, o->level4, o->name4, &in, sizeof in);
    }
    int index;
    if (a) {
        index = (int)a->scope_id;
    } else {
        lua_Integer v = emilua_check_integer(L, 3, "val");
        if (v < 0 || v > INT32_MAX)
            return emilua_raise_einval_arg(L, 3);
        index = (int)v;
    }
    return setsockopt(s->io.fd, o->level6, o->name6, &index, sizeof index);
}

int ipsock_set_option(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    const struct ip_option *o = find_option(L, s, true);
    bool v6 = s->family == AF_INET6;
    int level = v6 ? o->level6 : o->level4, name = v6 ? o->name6 : o->name4;
    int rc, v;
    switch (o->kind) {
    case OPT_BOOL:
        emilua_check_type(L, 3, LUA_TBOOLEAN, "val");
        v = lua_toboolean(L, 3);
        rc = setsockopt(s->io.fd, level, name, &v, sizeof v);
        break;
    case OPT_INT: {
        lua_Integer i = emilua_check_integer(L, 3, "val");
        if (i < INT32_MIN || i > INT32_MAX)
            return emilua_raise_einval_arg(L, 3);
        v = (int)i;
        rc = setsockopt(s->io.fd, level, name, &v, sizeof v);
        break;
    }
    case OPT_LINGER: {
        emilua_check_type(L, 3, LUA_TTABLE, "val");
        lua_getfield(L, 3, "enabled");
        lua_getfield(L, 3, "timeout");
        if (lua_type(L, -2) != LUA_TBOOLEAN || lua_type(L, -1) != LUA_TNUMBER ||
            lua_tonumber(L, -1) < 0 || lua_tonumber(L, -1) > INT32_MAX)
            return emilua_raise_einval_arg(L, 3);
        struct linger l = {lua_toboolean(L, -2), (int)lua_tointeger(L, -1)};
        rc = setsockopt(s->io.fd, level, name, &l, sizeof l);
        break;
    }
    case OPT_JOIN:
    case OPT_LEAVE: {
        emilua_ip_address *a = emilua_check_ip_address(L, 3, "val");
        rc = set_group(s, o, a);
        break;
    }
    case OPT_MCAST_IF:
        rc = set_mcast_if(L, s, o);
        break;
    case OPT_CONN_ABORTED:
        /* Not a socket option: accept() reports ECONNABORTED only when
         * asked to. */
        emilua_check_type(L, 3, LUA_TBOOLEAN, "val");
        if (s->io.fd < 0)
            return emilua_raise_errno(L, EBADF);
        s->enable_connection_aborted = lua_toboolean(L, 3);
        return 0;
    default:
        return emilua_raise_einval_arg(L, 2);
    }
    if (rc != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

int ipsock_get_option(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    const struct ip_option *o = find_option(L, s, false);
    bool v6 = s->family == AF_INET6;
    int level = v6 ? o->level6 : o->level4, name = v6 ? o->name6 : o->name4;
    if (o->kind == OPT_CONN_ABORTED) {
        if (s->io.fd < 0)
            return emilua_raise_errno(L, EBADF);
        lua_pushboolean(L, s->enable_connection_aborted);
        return 1;
    }
    if (o->kind == OPT_LINGER) {
        struct linger l;
        socklen_t len = sizeof l;
        if (getsockopt(s->io.fd, level, name, &l, &len) != 0)
            return emilua_raise_errno(L, errno);
        lua_createtable(L, 0, 2);
        lua_pushboolean(L, l.l_onoff);
        lua_setfield(L, -2, "enabled");
        lua_pushinteger(L, l.l_linger);
        lua_setfield(L, -2, "timeout");
        return 1;
    }
    int v = 0;
    socklen_t len = sizeof v;
    if (getsockopt(s->io.fd, level, name, &v, &len) != 0)
        return emilua_raise_errno(L, errno);
    if (o->kind == OPT_BOOL)
        lua_pushboolean(L, v);
    else
        lua_pushinteger(L, v);
    return 1;
}
