/* Stub: filled in by its issue. */
#include <emilua/api.h>
#include <emilua/byte_span.h>

int emilua_open_byte_span(lua_State *L)
{
    lua_newtable(L);
    return 1;
}

emilua_byte_span *emilua_test_byte_span(lua_State *L, int idx)
{
    (void)L; (void)idx;
    return NULL;
}

emilua_byte_span *emilua_check_byte_span(lua_State *L, int argn,
                                         const char *func)
{
    luaL_error(L, "%s: argument #%d must be a byte_span", func, argn);
    return NULL;
}

emilua_byte_span *emilua_push_byte_span(lua_State *L, size_t size,
                                        size_t capacity)
{
    (void)size; (void)capacity;
    luaL_error(L, "byte_span: not implemented");
    return NULL;
}

void emilua_bytes_ref(emilua_bytes *mem) { mem->refcount++; }
void emilua_bytes_unref(emilua_bytes *mem) { (void)mem; }
