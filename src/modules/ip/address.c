/* ip.address: one value type for IPv4 and IPv6 addresses.  Members that
 * only make sense for one version raise EINVAL on the other. */
#include <netinet/in.h>
#include <string.h>

#include <emilua/ip.h>

#include "ip_module.h"

emilua_ip_address *emilua_push_ip_address(lua_State *L,
                                          const emilua_ip_address *a)
{
    emilua_ip_address *p = emilua_new_udata(L, &emilua_ip_address_type,
                                            sizeof *p);
    *p = *a;
    return p;
}

emilua_ip_address *emilua_test_ip_address(lua_State *L, int idx)
{
    return emilua_test_udata(L, idx, &emilua_ip_address_type);
}

emilua_ip_address *emilua_check_ip_address(lua_State *L, int argn,
                                           const char *name)
{
    emilua_ip_address *a = emilua_test_ip_address(L, argn);
    if (!a)
        emilua_arg_error(L, argn, name, "an ip.address");
    return a;
}

uint16_t emilua_check_ip_port(lua_State *L, int argn)
{
    lua_Integer port = emilua_check_integer(L, argn, "port");
    if (port < 0 || port > 65535)
        emilua_raise_einval_arg(L, argn);
    return (uint16_t)port;
}

/* ---- constructors ----------------------------------------------------- */

static int push_v4(lua_State *L, uint32_t host_order)
{
    emilua_ip_address a = {.family = AF_INET};
    uint32_t n = htonl(host_order);
    memcpy(a.bytes, &n, 4);
    emilua_push_ip_address(L, &a);
    return 1;
}

/* Without an argument: the unspecified IPv4 address, as Boost.Asio's
 * default-constructed address. */
static int address_new(lua_State *L)
{
    if (lua_isnoneornil(L, 1))
        return push_v4(L, 0);
    size_t len;
    const char *s = emilua_check_string(L, 1, &len, "str");
    emilua_ip_address a;
    if (!emilua_ip_parse(s, len, &a))
        return emilua_raise_einval_arg(L, 1);
    emilua_push_ip_address(L, &a);
    return 1;
}

static int address_any_v4(lua_State *L)
{
    return push_v4(L, INADDR_ANY);
}

static int address_loopback_v4(lua_State *L)
{
    return push_v4(L, INADDR_LOOPBACK);
}

static int address_broadcast_v4(lua_State *L)
{
    return push_v4(L, INADDR_BROADCAST);
}

static int address_any_v6(lua_State *L)
{
    emilua_ip_address a = {.family = AF_INET6};
    emilua_push_ip_address(L, &a);
    return 1;
}

static int address_loopback_v6(lua_State *L)
{
    emilua_ip_address a = {.family = AF_INET6};
    a.bytes[15] = 1;
    emilua_push_ip_address(L, &a);
    return 1;
}

/* ---- predicates --------------------------------------------------------- */

static const uint8_t v4_mapped_prefix[12] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff,
};

static bool is_v4_mapped(const emilua_ip_address *a)
{
    return memcmp(a->bytes, v4_mapped_prefix, 12) == 0;
}

static bool all_zero(const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

static bool is_loopback(const emilua_ip_address *a)
{
    if (a->family == AF_INET)
        return a->bytes[0] == 127;
    return all_zero(a->bytes, 15) && a->bytes[15] == 1;
}

static bool is_multicast(const emilua_ip_address *a)
{
    if (a->family == AF_INET)
        return (a->bytes[0] & 0xf0) == 0xe0;
    return a->bytes[0] == 0xff;
}

static bool is_unspecified(const emilua_ip_address *a)
{
    return all_zero(a->bytes, a->family == AF_INET ? 4 : 16);
}

/* The v6-only predicates look at the first two bytes: a prefix of 10
 * bits for the unicast scopes, the multicast scope nibble otherwise. */
enum v6_test {
    V6_LINK_LOCAL, V6_SITE_LOCAL, V6_MAPPED, V6_MC_GLOBAL, V6_MC_LINK,
    V6_MC_NODE, V6_MC_ORG, V6_MC_SITE,
};

static bool v6_test(const emilua_ip_address *a, enum v6_test t)
{
    const uint8_t *b = a->bytes;
    switch (t) {
    case V6_LINK_LOCAL: return b[0] == 0xfe && (b[1] & 0xc0) == 0x80;
    case V6_SITE_LOCAL: return b[0] == 0xfe && (b[1] & 0xc0) == 0xc0;
    case V6_MAPPED: return is_v4_mapped(a);
    case V6_MC_GLOBAL: return b[0] == 0xff && (b[1] & 0x0f) == 0x0e;
    case V6_MC_LINK: return b[0] == 0xff && (b[1] & 0x0f) == 0x02;
    case V6_MC_NODE: return b[0] == 0xff && (b[1] & 0x0f) == 0x01;
    case V6_MC_ORG: return b[0] == 0xff && (b[1] & 0x0f) == 0x08;
    case V6_MC_SITE: return b[0] == 0xff && (b[1] & 0x0f) == 0x05;
    }
    return false;
}

static const struct {
    const char *name;
    enum v6_test test;
} v6_props[] = {
    {"is_link_local", V6_LINK_LOCAL},
    {"is_site_local", V6_SITE_LOCAL},
    {"is_v4_mapped", V6_MAPPED},
    {"is_multicast_global", V6_MC_GLOBAL},
    {"is_multicast_link_local", V6_MC_LINK},
    {"is_multicast_node_local", V6_MC_NODE},
    {"is_multicast_org_local", V6_MC_ORG},
    {"is_multicast_site_local", V6_MC_SITE},
};

/* ---- methods ------------------------------------------------------------ */

static int address_to_v6(lua_State *L)
{
    emilua_ip_address *a = emilua_check_ip_address(L, 1, "self");
    if (a->family != AF_INET)
        return emilua_raise_einval_arg(L, 1);
    emilua_ip_address m = {.family = AF_INET6};
    memcpy(m.bytes, v4_mapped_prefix, 12);
    memcpy(m.bytes + 12, a->bytes, 4);
    emilua_push_ip_address(L, &m);
    return 1;
}

static int address_to_v4(lua_State *L)
{
    emilua_ip_address *a = emilua_check_ip_address(L, 1, "self");
    if (a->family != AF_INET6 || !is_v4_mapped(a))
        return emilua_raise_einval_arg(L, 1);
    emilua_ip_address v4 = {.family = AF_INET};
    memcpy(v4.bytes, a->bytes + 12, 4);
    emilua_push_ip_address(L, &v4);
    return 1;
}

/* ---- metamethods ------------------------------------------------------- */

static int address_index(lua_State *L)
{
    emilua_ip_address *a = lua_touserdata(L, 1);
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    const char *key = lua_tostring(L, 2);
    if (!key || lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "ip.address: no such field");
    bool v;
    if (strcmp(key, "is_v4") == 0) {
        v = a->family == AF_INET;
    } else if (strcmp(key, "is_v6") == 0) {
        v = a->family == AF_INET6;
    } else if (strcmp(key, "is_loopback") == 0) {
        v = is_loopback(a);
    } else if (strcmp(key, "is_multicast") == 0) {
        v = is_multicast(a);
    } else if (strcmp(key, "is_unspecified") == 0) {
        v = is_unspecified(a);
    } else if (strcmp(key, "scope_id") == 0) {
        if (a->family != AF_INET6)
            return emilua_raise_einval_arg(L, 1);
        lua_pushinteger(L, (lua_Integer)a->scope_id);
        return 1;
    } else {
        size_t i = 0, n = sizeof v6_props / sizeof v6_props[0];
        while (i < n && strcmp(key, v6_props[i].name) != 0)
            i++;
        if (i == n)
            return luaL_error(L, "ip.address: no field '%s'", key);
        if (a->family != AF_INET6)
            return emilua_raise_einval_arg(L, 1);
        v = v6_test(a, v6_props[i].test);
    }
    lua_pushboolean(L, v);
    return 1;
}

/* Only scope_id is writable, and only on an IPv6 address. */
static int address_newindex(lua_State *L)
{
    emilua_ip_address *a = lua_touserdata(L, 1);
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2)
                                                    : "?";
    if (strcmp(key, "scope_id") != 0)
        return luaL_error(L, "ip.address: field '%s' cannot be assigned",
                          key);
    if (a->family != AF_INET6)
        return emilua_raise_einval_arg(L, 1);
    lua_Integer id = emilua_check_integer(L, 3, "scope_id");
    if (id < 0 || id > (lua_Integer)UINT32_MAX)
        return emilua_raise_einval_arg(L, 3);
    a->scope_id = (uint32_t)id;
    return 0;
}

static int address_tostring(lua_State *L)
{
    emilua_ip_address *a = lua_touserdata(L, 1);
    char buf[EMILUA_IP_ADDRSTRLEN];
    size_t n = emilua_ip_format(a, buf);
    lua_pushlstring(L, buf, n);
    return 1;
}

/* Boost.Asio's order: every IPv4 address before every IPv6 one; IPv6
 * addresses by bytes, then by scope id. */
static int address_compare(const emilua_ip_address *a,
                           const emilua_ip_address *b)
{
    if (a->family != b->family)
        return a->family == AF_INET ? -1 : 1;
    int c = memcmp(a->bytes, b->bytes, a->family == AF_INET ? 4 : 16);
    if (c)
        return c;
    if (a->scope_id != b->scope_id)
        return a->scope_id < b->scope_id ? -1 : 1;
    return 0;
}

static int address_eq(lua_State *L)
{
    emilua_ip_address *a = emilua_test_ip_address(L, 1);
    emilua_ip_address *b = emilua_test_ip_address(L, 2);
    lua_pushboolean(L, a && b && address_compare(a, b) == 0);
    return 1;
}

static int address_lt(lua_State *L)
{
    emilua_ip_address *a = emilua_check_ip_address(L, 1, NULL);
    emilua_ip_address *b = emilua_check_ip_address(L, 2, NULL);
    lua_pushboolean(L, address_compare(a, b) < 0);
    return 1;
}

static int address_le(lua_State *L)
{
    emilua_ip_address *a = emilua_check_ip_address(L, 1, NULL);
    emilua_ip_address *b = emilua_check_ip_address(L, 2, NULL);
    lua_pushboolean(L, address_compare(a, b) <= 0);
    return 1;
}

/* ---- registration ------------------------------------------------------ */

static const emilua_reg address_methods[] = {
    {"to_v6", address_to_v6, 0},
    {"to_v4", address_to_v4, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg address_metamethods[] = {
    {"__tostring", address_tostring},
    {"__eq", address_eq},
    {"__lt", address_lt},
    {"__le", address_le},
    {"__newindex", address_newindex},
    {NULL, NULL},
};

const emilua_udata_type emilua_ip_address_type = {
    .name = "ip.address",
    .methods = address_methods,
    .metamethods = address_metamethods,
    .index = address_index,
};

static const emilua_reg address_funcs[] = {
    {"new", address_new, 0},
    {"any_v4", address_any_v4, 0},
    {"any_v6", address_any_v6, 0},
    {"loopback_v4", address_loopback_v4, 0},
    {"loopback_v6", address_loopback_v6, 0},
    {"broadcast_v4", address_broadcast_v4, 0},
    {NULL, NULL, 0},
};

void ip_open_address(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "ip.address", address_funcs);
}
