/* system.get_ld_library_directories(): the dynamic linker's search
 * directories for the executable (dlinfo RTLD_DI_SERINFO), opened.  No
 * spawn_vm subprocess exists yet, so there are no inherited ones to add. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>

#include "system.h"

static int system_get_ld_library_directories(lua_State *L)
{
    lua_newtable(L);
    void *self = dlopen(NULL, RTLD_LAZY | RTLD_NOLOAD);
    if (!self)
        return 1;
    Dl_serinfo size;
    Dl_serinfo *info = NULL;
    if (dlinfo(self, RTLD_DI_SERINFOSIZE, &size) == 0 &&
        (info = malloc(size.dls_size))) {
        memcpy(info, &size, sizeof size);
        if (dlinfo(self, RTLD_DI_SERINFO, info) != 0)
            info->dls_cnt = 0;
    }
    dlclose(self);
    if (!info)
        return 1;
    /* A set of the names seen, so a repeated directory is opened once. */
    lua_newtable(L);
    int n = 0;
    for (unsigned i = 0; i < info->dls_cnt; i++) {
        const char *dir = info->dls_serpath[i].dls_name;
        lua_getfield(L, -1, dir);
        bool seen = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (seen || !*dir)
            continue;
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, dir);
        int fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            continue;
        emilua_push_file_descriptor(L, fd);
        lua_rawseti(L, -3, ++n);
    }
    free(info);
    lua_pop(L, 1);
    return 1;
}

static const emilua_reg ld_funcs[] = {
    {"get_ld_library_directories", system_get_ld_library_directories, 0},
    {NULL, NULL, 0},
};

void system_open_ld_library(lua_State *L)
{
    emilua_set_funcs(L, "system", ld_funcs);
}
