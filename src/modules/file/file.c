/* require 'file': the two object types (C) and the composed positional
 * transfers (lua/file.lua). */
#include <emilua/byte_span.h>

#include "file_lua.h"
#include "file_module.h"

static int is_byte_span(lua_State *L)
{
    lua_pushboolean(L, emilua_test_byte_span(L, 1) != NULL);
    return 1;
}

static int einval_arg(lua_State *L)
{
    emilua_push_error(L, &emilua_generic_category, EINVAL);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "arg");
    return 1;
}

int emilua_open_file(lua_State *L);

int emilua_open_file(lua_State *L)
{
    static const luaL_Reg natives[] = {
        {"is_byte_span", is_byte_span},
        {"einval_arg", einval_arg},
        {"arg_error", emilua_arg_error_value},
        {NULL, NULL},
    };
    if (luaL_loadbuffer(L, (const char *)luaJIT_BC_file, luaJIT_BC_file_SIZE,
                        "=[emilua file]") != 0)
        return lua_error(L);
    lua_newtable(L);
    file_push_stream(L);
    lua_setfield(L, -2, "stream");
    file_push_random_access(L);
    lua_setfield(L, -2, "random_access");
    lua_newtable(L);
    luaL_register(L, NULL, natives);
    lua_call(L, 2, 1);
    return 1;
}
