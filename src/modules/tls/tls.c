/* The tls module value: tls.context (tls.socket and tls.dial join it
 * here). */
#include "tls_module.h"

int emilua_open_tls(lua_State *L)
{
    tls_save_suspend_guards(L);
    lua_newtable(L);
    tls_open_context(L);
    lua_setfield(L, -2, "context");
    return 1;
}
