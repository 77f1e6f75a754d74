/* The stream module is written in Lua (lua/stream.lua): its algorithms
 * call read_some/write_some, which may suspend, so they cannot be C.
 * This file loads the chunk and hands it the few natives it needs. */
#include <errno.h>
#include <string.h>

#include <emilua/api.h>
#include <emilua/asio_error.h>
#include <emilua/byte_span.h>

#include "stream_lua.h"

static int is_eof(lua_State *L)
{
    lua_pushboolean(L, emilua_is_error(L, 1, &emilua_asio_misc_category,
                                       EMILUA_ASIO_MISC_EOF));
    return 1;
}

static int is_byte_span(lua_State *L)
{
    lua_pushboolean(L, emilua_test_byte_span(L, 1) != NULL);
    return 1;
}

/* einval(key, value): a new generic EINVAL error with e[key] = value,
 * e.g. arg = 3 or field = "record_separator". */
static int einval(lua_State *L)
{
    emilua_push_error(L, &emilua_generic_category, EINVAL);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_settable(L, -3);
    return 1;
}

/* view(buf, first, last): the byte_span buf:sub(first, last), for the
 * scanner's hot path.  The generic sub() spends a third of its time on
 * argument checks the scanner does not need: its callers pass integers
 * it computed.  buf is still checked: it comes from a table field user
 * code could overwrite. */
static int view(lua_State *L)
{
    emilua_byte_span *s = emilua_test_byte_span(L, 1);
    if (!s)
        return emilua_arg_error(L, 1, "buffer", "a byte_span");
    lua_Integer first = lua_tointeger(L, 2);
    lua_Integer last = lua_tointeger(L, 3);
    if (first < 1 || last < first - 1 || last > (lua_Integer)s->capacity)
        return emilua_raise_einval_arg(L, 2);
    emilua_push_byte_span_view(L, 1, (size_t)first - 1,
                               (size_t)(last - first + 1));
    return 1;
}

static int limit_error(lua_State *L)
{
    emilua_push_error(L, &emilua_runtime_category,
                      EMILUA_ERRC_BUFFER_LIMIT_EXCEEDED);
    return 1;
}

/* Regex separators need the regex module; it is optional, so look it up
 * among the builtins rather than linking against it. */
static void push_regex_module(lua_State *L)
{
    for (const emilua_builtin_module *b = emilua_builtin_modules; b->name;
         b++) {
        if (strcmp(b->name, "regex") == 0) {
            lua_pushcfunction(L, b->open);
            lua_call(L, 0, 1);
            return;
        }
    }
    lua_pushnil(L);
}

int emilua_open_stream(lua_State *L)
{
    static const luaL_Reg natives[] = {
        {"is_eof", is_eof},
        {"is_byte_span", is_byte_span},
        {"einval", einval},
        {"arg_error", emilua_arg_error_value},
        {"limit_error", limit_error},
        {"view", view},
        {NULL, NULL},
    };
    if (luaL_loadbuffer(L, (const char *)luaJIT_BC_stream,
                        luaJIT_BC_stream_SIZE, "=[emilua stream]") != 0)
        return lua_error(L);
    lua_newtable(L);
    /* view checks the buffer the scanner's user gave */
    emilua_name_func(L, view, NULL, NULL, "stream.scanner");
    luaL_register(L, NULL, natives);
    push_regex_module(L);
    lua_setfield(L, -2, "regex");
    lua_call(L, 1, 1);
    return 1;
}
