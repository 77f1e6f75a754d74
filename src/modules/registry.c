/* The builtin modules, by the name require() knows them by.  Adding a
 * module means adding its line here (and its file to meson.build). */
#include <lualib.h>

#include <emilua/api.h>

int emilua_open_generic_error(lua_State *L);
int emilua_open_time(lua_State *L);

static int open_ffi(lua_State *L)
{
    lua_pushcfunction(L, luaopen_ffi);
    lua_call(L, 0, 1);
    return 1;
}

const emilua_builtin_module emilua_builtin_modules[] = {
    {"ffi", open_ffi},
    {"generic_error", emilua_open_generic_error},
    {"time", emilua_open_time},
    {NULL, NULL},
};
