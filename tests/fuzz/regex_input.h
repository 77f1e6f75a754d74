/* Compiles a pattern taken from fuzzer input and runs every regex
 * function on a subject taken from the rest of it, as a string and as a
 * byte_span.  Input: byte 0 picks the grammar and the flags, byte 1 the
 * pattern's length.  Raising is fine; crashing, hanging, leaking or
 * touching memory out of bounds is not. */
#ifndef EMILUA_FUZZ_REGEX_INPUT_H
#define EMILUA_FUZZ_REGEX_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

int emilua_open_regex(lua_State *L);

static inline void fuzz_regex_one(lua_State *L, const uint8_t *data,
                                  size_t size)
{
    static const char *const grammars[] = {"basic", "extended", "ecma"};
    static const char *const funcs[] = {"match", "search", "split",
                                        "patsplit"};
    if (size < 2)
        return;
    int top = lua_gettop(L);
    lua_pushcfunction(L, emilua_open_regex);
    lua_call(L, 0, 1);
    int mod = lua_gettop(L);
    size_t plen = data[1] < size - 2 ? data[1] : size - 2;
    const char *pattern = (const char *)data + 2;
    const char *subject = pattern + plen;
    size_t slen = size - 2 - plen;

    lua_getfield(L, mod, "new");
    lua_createtable(L, 0, 4);
    lua_pushlstring(L, pattern, plen);
    lua_setfield(L, -2, "pattern");
    lua_pushstring(L, grammars[data[0] % 3]);
    lua_setfield(L, -2, "grammar");
    lua_pushboolean(L, data[0] & 4);
    lua_setfield(L, -2, "ignore_case");
    lua_pushboolean(L, data[0] & 8);
    lua_setfield(L, -2, "nosubs");
    if (lua_pcall(L, 1, 1, 0) != 0) {
        lua_settop(L, top);
        lua_gc(L, LUA_GCCOLLECT, 0);
        return;
    }
    int re = lua_gettop(L);
    lua_getglobal(L, "byte_span");
    lua_getfield(L, -1, "append");
    lua_pushlstring(L, subject, slen);
    lua_call(L, 1, 1);
    int span = lua_gettop(L);
    for (int i = 0; i < 4; i++) {
        for (int as_span = 0; as_span < 2; as_span++) {
            lua_getfield(L, mod, funcs[i]);
            lua_pushvalue(L, re);
            if (as_span)
                lua_pushvalue(L, span);
            else
                lua_pushlstring(L, subject, slen);
            lua_pcall(L, 2, 0, 0);
        }
    }
    lua_settop(L, top);
    /* frees the regex now, so a leak check after this input is exact */
    lua_gc(L, LUA_GCCOLLECT, 0);
}

#endif
