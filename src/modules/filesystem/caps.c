/* File capabilities through libcap: cap_get_file and cap_set_file.
 * The objects are system.linux_capabilities (emilua/linux_capabilities.h). */
#include <errno.h>

#include <emilua/linux_capabilities.h>

#include "fs_module.h"

static int fs_cap_get_file(lua_State *L)
{
    cap_t c = cap_get_file(fs_arg(L, 1, "path"));
    if (!c)
        return fs_raise(L, errno, 1, 0);
    emilua_push_linux_capabilities(L, c);
    return 1;
}

static int fs_cap_set_file(lua_State *L)
{
    const char *p = fs_arg(L, 1, "path");
    cap_t c = emilua_check_linux_capabilities(L, 2, "caps");
    if (cap_set_file(p, c) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

static const emilua_reg caps_funcs[] = {
    {"cap_get_file", fs_cap_get_file, 0},
    {"cap_set_file", fs_cap_set_file, 0},
    {NULL, NULL, 0},
};

void fs_open_caps(lua_State *L)
{
    emilua_set_funcs(L, "filesystem", caps_funcs);
}
