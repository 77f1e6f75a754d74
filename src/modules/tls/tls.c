/* The tls module value: tls.context, tls.socket and tls.dial. */
#include "tls_module.h"

int emilua_open_tls(lua_State *L)
{
    tls_save_suspend_guards(L);
    lua_newtable(L);
    tls_open_context(L);
    lua_setfield(L, -2, "context");
    tls_open_socket(L);
    lua_getfield(L, -1, "new");
    tls_open_dial(L);
    lua_setfield(L, -4, "dial");
    lua_pop(L, 1);
    lua_setfield(L, -2, "socket");
    return 1;
}
