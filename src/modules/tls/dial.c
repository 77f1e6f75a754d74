/* tls.dial(ep[, ctx]): ip.tcp.dial, no-delay, tls.socket.new, then a
 * verified client handshake with SNI and the host-name check (the steps
 * in lua/tls.lua).  The host name checked is the host part of ep. */
#include <string.h>

#include <emilua/ip.h>

#include "tls_module.h"
#include "tls_lua.h"

int emilua_open_ip(lua_State *L);

static int native_prepare(lua_State *L)
{
    size_t len;
    const char *ep = emilua_check_string(L, 1, &len, "ep");
    if (!lua_isnoneornil(L, 2) && !emilua_tls_test_context(L, 2))
        return emilua_arg_error(L, 2, "tls_ctx", "a tls.context");
    char host[256], service[64];
    if (!emilua_ip_split_endpoint(ep, len, host, service) ||
        strlen(host) == 0)
        return emilua_raise_einval_arg(L, 1);
    lua_pushstring(L, host);
    lua_pushboolean(L, tls_is_ip_literal(host));
    return 2;
}

static int native_open_ip(lua_State *L)
{
    lua_settop(L, 0);
    return emilua_open_ip(L);
}

/* Pushes tls.dial; tls.socket.new is on top of the stack. */
void tls_open_dial(lua_State *L)
{
    static const luaL_Reg natives[] = {
        {"prepare", native_prepare},
        {"open_ip", native_open_ip},
        {NULL, NULL},
    };
    /* Its argument errors are tls.dial's: it checks tls.dial's own. */
    emilua_name_func(L, native_prepare, "tls", ".", "dial");
    if (luaL_loadbuffer(L, (const char *)luaJIT_BC_tls, luaJIT_BC_tls_SIZE,
                        "=[emilua tls]") != 0)
        lua_error(L);
    lua_pushvalue(L, -2);
    lua_newtable(L);
    luaL_register(L, NULL, natives);
    lua_call(L, 2, 1);
}
