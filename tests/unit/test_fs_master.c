/* The filesystem functions that change the process (umask, the working
 * directory, chroot) are the master VM's: another VM gets the emilua
 * "not master VM" error and the process is left as it was. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <emilua/filesystem.h>

#include "check.h"
#include "vm_fixture.h"

int emilua_open_filesystem(lua_State *L);

/* Calls fs[name](args...) on L with a path argument or an integer. */
static bool refused(lua_State *L, const char *name, const char *path,
                    lua_Integer n)
{
    lua_pushcfunction(L, emilua_open_filesystem);
    lua_call(L, 0, 1);
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
    if (path)
        emilua_push_path(L, path, strlen(path));
    else
        lua_pushinteger(L, n);
    if (lua_pcall(L, 1, 0, 0) == 0)
        return false;
    bool ok = emilua_is_error(L, -1, &emilua_runtime_category,
                              EMILUA_ERRC_NOT_MASTER_VM);
    lua_pop(L, 1);
    return ok;
}

int main(void)
{
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    emilua_vm *other = vm_new(&fx.ctx, false);
    CHECK(other != NULL);
    lua_State *L = other->L;

    char before[4096];
    CHECK(getcwd(before, sizeof before) != NULL);
    mode_t mask = umask(022);
    umask(mask);

    CHECK(refused(L, "umask", NULL, 0777));
    CHECK(refused(L, "current_working_directory", "/", 0));
    CHECK(refused(L, "chroot", "/nonexistent-emilua", 0));

    char after[4096];
    CHECK(getcwd(after, sizeof after) && strcmp(before, after) == 0);
    CHECK(umask(mask) == mask);

    /* the master may */
    L = fx.vm->L;
    lua_pushcfunction(L, emilua_open_filesystem);
    lua_call(L, 0, 1);
    lua_getfield(L, -1, "umask");
    lua_pushinteger(L, mask);
    CHECK(lua_pcall(L, 1, 1, 0) == 0 && lua_tointeger(L, -1) == mask);
    lua_pop(L, 2);

    vm_close(other);
    vm_fixture_close(&fx);
    return check_failures != 0;
}
