/* Stub: filled in by its issue. */
#include <emilua/api.h>

int emilua_open_byte_span(lua_State *L)
{
    lua_newtable(L);
    return 1;
}
