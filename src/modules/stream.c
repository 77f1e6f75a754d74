/* The stream module is written in Lua (lua/stream.lua): its algorithms
 * call read_some/write_some, which may suspend, so they cannot be C. */
#include <emilua/api.h>

#include "stream_lua.h"

int emilua_open_stream(lua_State *L)
{
    if (luaL_loadbuffer(L, (const char *)luaJIT_BC_stream,
                        luaJIT_BC_stream_SIZE, "=[emilua stream]") != 0)
        return lua_error(L);
    lua_call(L, 0, 1);
    return 1;
}
