/* Runs format() with a format string taken from fuzzer input and a fixed
 * set of arguments of every accepted kind.  Raising is fine; crashing,
 * leaking or touching memory out of bounds is not. */
#ifndef EMILUA_FUZZ_FORMAT_INPUT_H
#define EMILUA_FUZZ_FORMAT_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

static inline void fuzz_format_one(lua_State *L, const uint8_t *data,
                                   size_t size)
{
    int top = lua_gettop(L);
    lua_getglobal(L, "format");
    lua_pushlstring(L, (const char *)data, size);
    lua_pushinteger(L, 42);
    lua_pushnumber(L, -3.25);
    lua_pushliteral(L, "text");
    lua_pushboolean(L, 1);
    lua_pushnumber(L, 1e300);
    lua_createtable(L, 2, 0);          /* a named argument {"name", 7} */
    lua_pushliteral(L, "name");
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, 7);
    lua_rawseti(L, -2, 2);
    lua_pcall(L, 7, 1, 0);
    lua_settop(L, top);
}

#endif
