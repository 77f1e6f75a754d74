/* libc_service.slave: the sandboxed end's socket until a call consumes
 * it (system.spawn's extra_fds).  Filters (slave[fn] = source) are
 * refused with ENOTSUP: the shared library has no Lua to run them yet. */
#include <string.h>
#include <unistd.h>

#include <emilua/libc_service.h>

#include "libc_service/wire.h"
#include "lcs_module.h"

struct slave {
    int fd;                 /* -1 once consumed */
};

static int slave_gc(lua_State *L)
{
    struct slave *s = lua_touserdata(L, 1);
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
    return 0;
}

static int slave_newindex(lua_State *L)
{
    struct slave *s = emilua_check_udata(L, 1, &lcs_slave_type);
    const char *key = emilua_check_string(L, 2, NULL, "key");
    int fn = 0;
    while (fn < LCS_FN_COUNT && strcmp(lcs_fn_names[fn], key) != 0)
        fn++;
    if (fn == LCS_FN_COUNT)
        return emilua_raise_einval_arg(L, 2);
    emilua_check_string(L, 3, NULL, "lua_source");
    if (s->fd < 0)
        return emilua_raise_errno(L, EBADF);
    return emilua_raise_errno(L, ENOTSUP);
}

static const luaL_Reg slave_meta[] = {
    {"__gc", slave_gc},
    {"__newindex", slave_newindex},
    {NULL, NULL},
};

const emilua_udata_type lcs_slave_type = {
    "libc_service.slave", NULL, slave_meta, NULL,
};

void lcs_push_slave(lua_State *L, int fd)
{
    struct slave *s = emilua_new_udata(L, &lcs_slave_type, sizeof *s);
    s->fd = fd;
}

int emilua_test_libc_service_slave(lua_State *L, int idx)
{
    struct slave *s = emilua_test_udata(L, idx, &lcs_slave_type);
    if (!s)
        return -EINVAL;
    return s->fd >= 0 ? s->fd : -EBADF;
}

void emilua_consume_libc_service_slave(lua_State *L, int idx)
{
    struct slave *s = emilua_test_udata(L, idx, &lcs_slave_type);
    if (s && s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
}
