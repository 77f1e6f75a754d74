/* require 'filesystem': the module table, the error helper every file
 * uses, filesystem.mode and umask.  Every function of the module blocks
 * the calling thread (see the reference's "Async IO and threading"):
 * filesystem work is made of system calls with no async form. */
#include <string.h>
#include <sys/stat.h>

#include "fs_module.h"

static int absindex(lua_State *L, int idx)
{
    return idx > 0 || idx <= LUA_REGISTRYINDEX ? idx : lua_gettop(L) + idx + 1;
}

int fs_raise(lua_State *L, int err, int path1_idx, int path2_idx)
{
    if (path1_idx)
        path1_idx = absindex(L, path1_idx);
    if (path2_idx)
        path2_idx = absindex(L, path2_idx);
    emilua_push_errno(L, err);
    if (path1_idx) {
        lua_pushvalue(L, path1_idx);
        lua_setfield(L, -2, "path1");
    }
    if (path2_idx) {
        lua_pushvalue(L, path2_idx);
        lua_setfield(L, -2, "path2");
    }
    return lua_error(L);
}

void fs_check_master(lua_State *L)
{
    if (!emilua_vm_is_master(emilua_vm_of(L)))
        emilua_raise_error(L, &emilua_runtime_category,
                           EMILUA_ERRC_NOT_MASTER_VM);
}

static lua_Integer check_bits(lua_State *L, int argn, const char *name)
{
    lua_Integer v = emilua_check_integer(L, argn, name);
    if (v < 0 || v > 7)
        emilua_raise_einval_arg(L, argn);
    return v;
}

/* mode(user, group, other) or mode("set_uid"|"set_gid"|"sticky_bit") */
static int fs_mode(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING) {
        const char *s = lua_tostring(L, 1);
        int bit = strcmp(s, "set_uid") == 0    ? S_ISUID
                  : strcmp(s, "set_gid") == 0  ? S_ISGID
                  : strcmp(s, "sticky_bit") == 0 ? S_ISVTX
                                                 : -1;
        if (bit < 0)
            return emilua_raise_einval_arg(L, 1);
        lua_pushinteger(L, bit);
        return 1;
    }
    lua_Integer u = check_bits(L, 1, "user");
    lua_Integer g = check_bits(L, 2, "group");
    lua_Integer o = check_bits(L, 3, "other");
    lua_pushinteger(L, (u << 6) | (g << 3) | o);
    return 1;
}

/* The process's umask, hence the master VM's only. */
static int fs_umask(lua_State *L)
{
    lua_Integer mask = emilua_check_integer(L, 1, "mask");
    fs_check_master(L);
    lua_pushinteger(L, umask((mode_t)(mask & 0777)));
    return 1;
}

static const emilua_reg fs_funcs[] = {
    {"mode", fs_mode, 0},
    {"umask", fs_umask, 0},
    {NULL, NULL, 0},
};

int emilua_open_filesystem(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "filesystem", fs_funcs);
    fs_open_path(L);
    fs_open_clock(L);
    fs_open_status(L);
    fs_open_ops(L);
    fs_open_resolve(L);
    fs_open_copy(L);
    fs_open_iterators(L);
    fs_open_caps(L);
    return 1;
}
