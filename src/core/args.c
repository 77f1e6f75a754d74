/* Argument checks whose errors name the function and the argument. */
#include <math.h>
#include <string.h>

#include "core.h"

/* Pushes "chunk:line: " for the user code that called the function now
 * running, skipping the runtime's own Lua wrappers; "" when that caller is
 * C code. */
static void push_where(lua_State *L)
{
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (strncmp(ar.short_src, "[emilua ", 8) == 0)
            continue;
        if (ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
        break;
    }
    lua_pushliteral(L, "");
}

int emilua_arg_error(lua_State *L, int argn, const char *func,
                     const char *name, const char *expected)
{
    const char *got = luaL_typename(L, argn);
    push_where(L);
    if (name)
        lua_pushfstring(L, "%s: argument #%d (%s) must be %s (got %s)", func,
                        argn, name, expected, got);
    else
        lua_pushfstring(L, "%s: argument #%d must be %s (got %s)", func,
                        argn, expected, got);
    lua_concat(L, 2);
    return lua_error(L);
}

static const char *const article_type[] = {
    [LUA_TNIL] = "nil",
    [LUA_TBOOLEAN] = "a boolean",
    [LUA_TLIGHTUSERDATA] = "a userdata",
    [LUA_TNUMBER] = "a number",
    [LUA_TSTRING] = "a string",
    [LUA_TTABLE] = "a table",
    [LUA_TFUNCTION] = "a function",
    [LUA_TUSERDATA] = "a userdata",
    [LUA_TTHREAD] = "a coroutine",
};

void emilua_check_type(lua_State *L, int argn, int type, const char *func,
                       const char *name)
{
    if (lua_type(L, argn) != type)
        emilua_arg_error(L, argn, func, name, article_type[type]);
}

lua_Number emilua_check_number(lua_State *L, int argn, const char *func,
                               const char *name)
{
    emilua_check_type(L, argn, LUA_TNUMBER, func, name);
    return lua_tonumber(L, argn);
}

lua_Integer emilua_check_integer(lua_State *L, int argn, const char *func,
                                 const char *name)
{
    lua_Number n = emilua_check_number(L, argn, func, name);
    if (n != floor(n) || n < -9007199254740992.0 || n > 9007199254740992.0)
        emilua_arg_error(L, argn, func, name, "an integer");
    return (lua_Integer)n;
}

const char *emilua_check_string(lua_State *L, int argn, size_t *len,
                                const char *func, const char *name)
{
    emilua_check_type(L, argn, LUA_TSTRING, func, name);
    return lua_tolstring(L, argn, len);
}

bool emilua_opt_boolean(lua_State *L, int argn, bool def, const char *func,
                        const char *name)
{
    if (lua_isnoneornil(L, argn))
        return def;
    emilua_check_type(L, argn, LUA_TBOOLEAN, func, name);
    return lua_toboolean(L, argn);
}
