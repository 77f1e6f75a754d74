/* The this_fiber global: a table of functions acting on whichever fiber
 * is running, with is_main, local_ and id computed on access. */
#include <string.h>

#include "core.h"

extern char emilua_native_mark;

static emilua_fiber *current(lua_State *L)
{
    emilua_fiber *f = emilua_vm_of(L)->current;
    if (!f)
        emilua_raise_error(L, &emilua_runtime_category, EMILUA_ERRC_NO_FIBER);
    return f;
}

static int yield(lua_State *L)
{
    emilua_fiber *f = emilua_begin_suspend(L);
    emilua_fiber_post(f);
    lua_pushlightuserdata(L, &emilua_native_mark);
    return lua_yield(L, 1);
}

static int forbid_suspend(lua_State *L)
{
    emilua_fiber *f = current(L);
    if (f->forbid_suspend == FIBER_NESTING_MAX)
        return luaL_error(L, "this_fiber.forbid_suspend: nested too deep");
    f->forbid_suspend++;
    return 0;
}

static int allow_suspend(lua_State *L)
{
    emilua_fiber *f = current(L);
    if (f->forbid_suspend == 0)
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_UNMATCHED_ALLOW_SUSPEND);
    f->forbid_suspend--;
    return 0;
}

int this_fiber_disable_cancellation(lua_State *L)
{
    emilua_fiber *f = current(L);
    if (f->disable_cancellation == FIBER_NESTING_MAX)
        return luaL_error(L, "this_fiber.disable_cancellation: nested too "
                             "deep");
    f->disable_cancellation++;
    return 0;
}

int this_fiber_restore_cancellation(lua_State *L)
{
    emilua_fiber *f = current(L);
    if (f->disable_cancellation == 0)
        return emilua_raise_error(
            L, &emilua_runtime_category,
            EMILUA_ERRC_UNMATCHED_RESTORE_CANCELLATION);
    f->disable_cancellation--;
    return 0;
}

static int this_fiber_index(lua_State *L)
{
    const char *key = lua_tostring(L, 2);
    emilua_fiber *f = current(L);
    if (!key)
        return 0;
    if (strcmp(key, "is_main") == 0) {
        lua_pushboolean(L, f->is_main);
        return 1;
    }
    if (strcmp(key, "local_") == 0) {
        if (f->local_ref == LUA_NOREF) {
            lua_newtable(L);
            f->local_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        }
        lua_rawgeti(L, LUA_REGISTRYINDEX, f->local_ref);
        return 1;
    }
    if (strcmp(key, "id") == 0) {
        lua_pushfstring(L, "%p", (void *)f);
        return 1;
    }
    return luaL_error(L, "this_fiber: no field '%s'", key);
}

static int newindex(lua_State *L)
{
    return luaL_error(L, "this_fiber: field '%s' is read-only",
                      lua_tostring(L, 2) ? lua_tostring(L, 2) : "?");
}

int open_this_fiber(lua_State *L)
{
    static const luaL_Reg funcs[] = {
        {"yield", yield},
        {"forbid_suspend", forbid_suspend},
        {"allow_suspend", allow_suspend},
        {"disable_cancellation", this_fiber_disable_cancellation},
        {"restore_cancellation", this_fiber_restore_cancellation},
        {NULL, NULL},
    };
    lua_newtable(L);
    luaL_register(L, NULL, funcs);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, this_fiber_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "this_fiber");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setglobal(L, "this_fiber");
    return 0;
}
