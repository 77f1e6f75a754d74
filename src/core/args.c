/* Bad arguments raise a generic EINVAL error table with the position in
 * `arg`, as upstream does.  The runtime's clearer report travels in extra
 * fields: `func` (the qualified name of the function), `argname`,
 * `expected` and `got`.
 *
 * Function names are written once, where a function is registered: the
 * registration records them in a per-VM table keyed by the C function's
 * address, and only the error path looks the running function up there,
 * so a successful check costs nothing more than the type test. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "core.h"

/* The per-VM table lightuserdata(lua_CFunction) -> qualified name. */
static void push_names(lua_State *L)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, emilua_vm_of(L)->ref.func_names);
}

void emilua_name_func(lua_State *L, lua_CFunction fn, const char *prefix,
                      const char *sep, const char *name)
{
    push_names(L);
    lua_pushlightuserdata(L, (void *)fn);
    lua_rawget(L, -2);
    bool named = !lua_isnil(L, -1);
    lua_pop(L, 1);
    /* One C function may serve two names; the first one registered is
     * the one it is known by. */
    if (!named) {
        lua_pushlightuserdata(L, (void *)fn);
        if (prefix)
            lua_pushfstring(L, "%s%s%s", prefix, sep, name);
        else
            lua_pushstring(L, name);
        lua_rawset(L, -3);
    }
    lua_pop(L, 1);
}

/* Pushes the name of the C function running at level 0: its registered
 * name, else the name it was called by (as luaL_argerror finds it), else
 * "?". */
static void push_func_name(lua_State *L)
{
    lua_Debug ar;
    if (!lua_getstack(L, 0, &ar)) {
        lua_pushliteral(L, "?");
        return;
    }
    lua_getinfo(L, "nf", &ar);
    lua_CFunction fn = lua_tocfunction(L, -1);
    lua_pop(L, 1);
    if (fn) {
        push_names(L);
        lua_pushlightuserdata(L, (void *)fn);
        lua_rawget(L, -2);
        lua_remove(L, -2);
        if (lua_type(L, -1) == LUA_TSTRING)
            return;
        lua_pop(L, 1);
    }
    lua_pushstring(L, ar.name ? ar.name : "?");
}

/* Pushes {code=EINVAL, category=generic, arg=argn, func=...}. */
static void push_arg_error(lua_State *L, int argn)
{
    emilua_push_error(L, &emilua_generic_category, EINVAL);
    lua_pushinteger(L, argn);
    lua_setfield(L, -2, "arg");
    push_func_name(L);
    lua_setfield(L, -2, "func");
}

int emilua_raise_einval_arg(lua_State *L, int argn)
{
    push_arg_error(L, argn);
    return lua_error(L);
}

/* Sets the report's fields of the error table on top; NULLs are left
 * out. */
static void set_report(lua_State *L, const char *name, const char *expected,
                       const char *got)
{
    const char *keys[] = {"argname", "expected", "got"};
    const char *values[] = {name, expected, got};
    for (int i = 0; i < 3; i++) {
        if (!values[i])
            continue;
        lua_pushstring(L, values[i]);
        lua_setfield(L, -2, keys[i]);
    }
}

int emilua_arg_error(lua_State *L, int argn, const char *name,
                     const char *expected)
{
    const char *got = luaL_typename(L, argn);
    push_arg_error(L, argn);
    set_report(L, name, expected, got);
    return lua_error(L);
}

int emilua_arg_error_value(lua_State *L)
{
    int argn = (int)luaL_checkinteger(L, 1);
    const char *got = luaL_typename(L, 5);
    emilua_push_error(L, &emilua_generic_category, EINVAL);
    lua_pushinteger(L, argn);
    lua_setfield(L, -2, "arg");
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "func");
    set_report(L, lua_tostring(L, 3), lua_tostring(L, 4), got);
    return 1;
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

void emilua_check_type(lua_State *L, int argn, int type, const char *name)
{
    if (lua_type(L, argn) != type)
        emilua_arg_error(L, argn, name, article_type[type]);
}

lua_Number emilua_check_number(lua_State *L, int argn, const char *name)
{
    emilua_check_type(L, argn, LUA_TNUMBER, name);
    return lua_tonumber(L, argn);
}

lua_Integer emilua_check_integer(lua_State *L, int argn, const char *name)
{
    lua_Number n = emilua_check_number(L, argn, name);
    if (n != floor(n) || n < -9007199254740992.0 || n > 9007199254740992.0)
        emilua_arg_error(L, argn, name, "an integer");
    return (lua_Integer)n;
}

const char *emilua_check_string(lua_State *L, int argn, size_t *len,
                                const char *name)
{
    emilua_check_type(L, argn, LUA_TSTRING, name);
    return lua_tolstring(L, argn, len);
}

bool emilua_opt_boolean(lua_State *L, int argn, bool def, const char *name)
{
    if (lua_isnoneornil(L, argn))
        return def;
    emilua_check_type(L, argn, LUA_TBOOLEAN, name);
    return lua_toboolean(L, argn);
}
