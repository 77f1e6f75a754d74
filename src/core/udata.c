/* Userdata types with hidden metatables.  Each type's metatable lives in
 * the registry under the address of its emilua_udata_type. */
#include <stdio.h>
#include <string.h>

#include "core.h"

static void push_metatable(lua_State *L, const emilua_udata_type *type)
{
    lua_pushlightuserdata(L, (void *)type);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (!lua_isnil(L, -1))
        return;
    lua_pop(L, 1);

    lua_newtable(L);
    if (type->metamethods) {
        luaL_register(L, NULL, type->metamethods);
        for (const luaL_Reg *r = type->metamethods; r->name; r++)
            emilua_name_func(L, r->func, type->name, ".", r->name);
    }
    if (type->methods || type->index) {
        if (type->methods) {
            lua_newtable(L);
            set_funcs_named(L, type->name, ":", type->methods);
        }
        if (type->index) {
            emilua_name_func(L, type->index, type->name, ".", "__index");
            /* methods table (if any) is the upvalue of the fallback */
            if (!type->methods)
                lua_pushnil(L);
            lua_pushcclosure(L, type->index, 1);
        }
        lua_setfield(L, -2, "__index");
    }
    lua_pushstring(L, type->name);
    lua_setfield(L, -2, "__metatable");

    lua_pushlightuserdata(L, (void *)type);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
}

/* The type is also stamped at the end of the block, so that checking an
 * argument's type (on every method call) reads memory instead of looking
 * the metatable up in the registry.  Lua code cannot write a userdata's
 * bytes, nor (without the debug library) replace its metatable. */
static size_t stamped_size(size_t size)
{
    size_t align = _Alignof(const emilua_udata_type *);
    return (size + align - 1) / align * align + sizeof(emilua_udata_type *);
}

void *emilua_new_udata(lua_State *L, const emilua_udata_type *type,
                       size_t size)
{
    size_t total = stamped_size(size);
    char *p = lua_newuserdata(L, total);
    memcpy(p + total - sizeof type, &type, sizeof type);
    push_metatable(L, type);
    lua_setmetatable(L, -2);
    return p;
}

/* Inlined into both callers: checking self is on every method call. */
static inline __attribute__((always_inline)) void *
test_udata(lua_State *L, int idx, const emilua_udata_type *type)
{
    /* On every method call: two API calls, not three.  A light userdata
     * has a pointer but length 0, anything else no pointer. */
    char *p = lua_touserdata(L, idx);
    if (!p)
        return NULL;
    size_t len = lua_objlen(L, idx);
    const emilua_udata_type *stamp;
    if (len < sizeof stamp)
        return NULL;
    memcpy(&stamp, p + len - sizeof stamp, sizeof stamp);
    return stamp == type ? p : NULL;
}

void *emilua_test_udata(lua_State *L, int idx, const emilua_udata_type *type)
{
    return test_udata(L, idx, type);
}

const emilua_udata_type *emilua_udata_type_of(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TUSERDATA)
        return NULL;
    char *p = lua_touserdata(L, idx);
    size_t len = lua_objlen(L, idx);
    const emilua_udata_type *stamp;
    if (len < sizeof stamp)
        return NULL;
    memcpy(&stamp, p + len - sizeof stamp, sizeof stamp);
    /* a foreign userdata's last bytes are anything: trust the stamp only
     * when the registry has that type's metatable on this value */
    if (!lua_getmetatable(L, idx))
        return NULL;
    lua_pushlightuserdata(L, (void *)stamp);
    lua_rawget(L, LUA_REGISTRYINDEX);
    bool same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same ? stamp : NULL;
}

/* The hooks live in a registry table keyed by the type's address. */
static char move_key;

void emilua_udata_set_move(lua_State *L, const emilua_udata_type *type,
                           const emilua_udata_move *move)
{
    lua_pushlightuserdata(L, &move_key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushlightuserdata(L, &move_key);
        lua_pushvalue(L, -2);
        lua_rawset(L, LUA_REGISTRYINDEX);
    }
    lua_pushlightuserdata(L, (void *)type);
    lua_pushlightuserdata(L, (void *)move);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

const emilua_udata_move *emilua_udata_move_of(lua_State *L,
                                              const emilua_udata_type *type)
{
    lua_pushlightuserdata(L, &move_key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return NULL;
    }
    lua_pushlightuserdata(L, (void *)type);
    lua_rawget(L, -2);
    const emilua_udata_move *move = lua_touserdata(L, -1);
    lua_pop(L, 2);
    return move;
}

void *emilua_check_udata(lua_State *L, int argn, const emilua_udata_type *type)
{
    void *p = test_udata(L, argn, type);
    if (__builtin_expect(!p, 0)) {
        char expected[128];
        snprintf(expected, sizeof expected, "a %s", type->name);
        emilua_arg_error(L, argn, argn == 1 ? "self" : NULL, expected);
    }
    return p;
}
