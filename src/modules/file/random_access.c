/* file.random_access: a file read and written at explicit offsets. */
#include <errno.h>
#include <sys/file.h>

#include "file_module.h"

static const emilua_udata_type ra_type;

FILE_SHARED_METHODS(ra, &ra_type)

/* self, offset, buffer: offsets are 0-based, as the OS has them. */
static int ra_transfer(lua_State *L, bool write)
{
    struct file *f = file_check_open(L, &ra_type);
    lua_Integer offset = emilua_check_integer(L, 2, "offset");
    emilua_byte_span *s = emilua_check_byte_span(L, 3);
    if (offset < 0)
        return emilua_raise_einval_arg(L, 2);
    return file_transfer(L, f, write, offset, s);
}

static int ra_read_some_at(lua_State *L)
{
    return ra_transfer(L, false);
}

static int ra_write_some_at(lua_State *L)
{
    return ra_transfer(L, true);
}

static const emilua_reg ra_methods[] = {
    FILE_SHARED_REGS(ra),
    {"read_some_at", ra_read_some_at, EMILUA_SUSPENDS},
    {"write_some_at", ra_write_some_at, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

static const luaL_Reg ra_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type ra_type = {
    "file.random_access", ra_methods, ra_meta, ra_index,
};

void file_push_random_access(lua_State *L)
{
    static const emilua_reg funcs[] = {
        {"new", ra_new, 0},
        {NULL, NULL, 0},
    };
    lua_newtable(L);
    emilua_set_funcs(L, "file.random_access", funcs);
}
