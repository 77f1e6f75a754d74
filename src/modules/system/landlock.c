/* system.landlock_create_ruleset, landlock_add_rule and
 * landlock_restrict_self: the three Landlock system calls, with access
 * rights named as in the reference.  glibc has no wrappers for them. */
#include <errno.h>
#include <linux/landlock.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>

#include "landlock.h"
#include "system.h"

/* Linux 6.2 (ABI 3); Debian 12's headers predate it. */
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

static const struct {
    const char *name;
    uint64_t bit;
    int abi;                    /* the first Landlock ABI that has it */
} rights[] = {
    {"execute", LANDLOCK_ACCESS_FS_EXECUTE, 1},
    {"write_file", LANDLOCK_ACCESS_FS_WRITE_FILE, 1},
    {"read_file", LANDLOCK_ACCESS_FS_READ_FILE, 1},
    {"read_dir", LANDLOCK_ACCESS_FS_READ_DIR, 1},
    {"remove_dir", LANDLOCK_ACCESS_FS_REMOVE_DIR, 1},
    {"remove_file", LANDLOCK_ACCESS_FS_REMOVE_FILE, 1},
    {"make_char", LANDLOCK_ACCESS_FS_MAKE_CHAR, 1},
    {"make_dir", LANDLOCK_ACCESS_FS_MAKE_DIR, 1},
    {"make_reg", LANDLOCK_ACCESS_FS_MAKE_REG, 1},
    {"make_sock", LANDLOCK_ACCESS_FS_MAKE_SOCK, 1},
    {"make_fifo", LANDLOCK_ACCESS_FS_MAKE_FIFO, 1},
    {"make_block", LANDLOCK_ACCESS_FS_MAKE_BLOCK, 1},
    {"make_sym", LANDLOCK_ACCESS_FS_MAKE_SYM, 1},
    {"refer", LANDLOCK_ACCESS_FS_REFER, 2},
    {"truncate", LANDLOCK_ACCESS_FS_TRUNCATE, 3},
};

#define NRIGHTS (sizeof rights / sizeof rights[0])

uint64_t landlock_check_access(lua_State *L, int t, int argn,
                               const char *field)
{
    if (!lua_istable(L, t))
        emilua_arg_error(L, argn, field, "a table of access names");
    uint64_t bits = 0;
    size_t n = lua_objlen(L, t);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, t, (int)i);
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                       : "";
        size_t j = 0;
        while (j < NRIGHTS && strcmp(rights[j].name, s) != 0)
            j++;
        if (j == NRIGHTS)
            emilua_raise_einval_arg(L, argn);
        bits |= rights[j].bit;
        lua_pop(L, 1);
    }
    return bits;
}

static int abi_version(void)
{
    long v = syscall(SYS_landlock_create_ruleset, NULL, 0,
                     LANDLOCK_CREATE_RULESET_VERSION);
    return v < 0 ? 0 : (int)v;
}

uint64_t landlock_supported_access(void)
{
    int abi = abi_version();
    uint64_t bits = 0;
    for (size_t i = 0; i < NRIGHTS; i++)
        if (rights[i].abi <= abi)
            bits |= rights[i].bit;
    return bits;
}

/* flags {"version"} asks for the ABI version instead of a ruleset. */
static int system_landlock_create_ruleset(lua_State *L)
{
    struct landlock_ruleset_attr attr = {0};
    bool have_attr = !lua_isnoneornil(L, 1);
    if (have_attr) {
        emilua_check_type(L, 1, LUA_TTABLE, "attr");
        lua_getfield(L, 1, "handled_access_fs");
        if (!lua_isnil(L, -1))
            attr.handled_access_fs = landlock_check_access(
                L, lua_gettop(L), 1, "attr.handled_access_fs");
        lua_pop(L, 1);
    }
    unsigned flags = 0;
    if (!lua_isnoneornil(L, 2)) {
        emilua_check_type(L, 2, LUA_TTABLE, "flags");
        size_t n = lua_objlen(L, 2);
        for (size_t i = 1; i <= n; i++) {
            lua_rawgeti(L, 2, (int)i);
            if (lua_type(L, -1) != LUA_TSTRING ||
                strcmp(lua_tostring(L, -1), "version") != 0)
                return emilua_raise_einval_arg(L, 2);
            flags |= LANDLOCK_CREATE_RULESET_VERSION;
            lua_pop(L, 1);
        }
    }
    long r = syscall(SYS_landlock_create_ruleset, have_attr ? &attr : NULL,
                     have_attr ? sizeof attr : 0, flags);
    if (r < 0)
        return emilua_raise_errno(L, errno);
    if (flags & LANDLOCK_CREATE_RULESET_VERSION)
        lua_pushinteger(L, r);
    else
        emilua_push_file_descriptor(L, (int)r);
    return 1;
}

/* attr.parent_fd is typed integer by the reference; a file_descriptor,
 * which is what Lua code holds, is taken as well. */
static int system_landlock_add_rule(lua_State *L)
{
    int ruleset = emilua_check_file_descriptor(L, 1, "ruleset_fd");
    const char *type = emilua_check_string(L, 2, NULL, "rule_type");
    if (strcmp(type, "path_beneath") != 0)
        return emilua_raise_einval_arg(L, 2);
    emilua_check_type(L, 3, LUA_TTABLE, "attr");
    struct landlock_path_beneath_attr attr = {0};
    lua_getfield(L, 3, "allowed_access");
    attr.allowed_access = landlock_check_access(L, lua_gettop(L), 3,
                                                "attr.allowed_access");
    lua_getfield(L, 3, "parent_fd");
    int fd = emilua_test_file_descriptor(L, -1);
    if (fd == -EBADF)
        return emilua_raise_errno(L, EBADF);
    if (fd < 0) {
        lua_Number n = lua_tonumber(L, -1);
        if (lua_type(L, -1) != LUA_TNUMBER || n != (int)n || n < 0)
            return emilua_arg_error(L, 3, "attr.parent_fd",
                                    "a file_descriptor or an integer");
        fd = (int)n;
    }
    attr.parent_fd = fd;
    if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH,
                &attr, 0) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

/* Applies to the calling thread: the VM's.  The reference's libpsx
 * caveat stands; other threads of the runtime stay unrestricted. */
static int system_landlock_restrict_self(lua_State *L)
{
    int fd = emilua_check_file_descriptor(L, 1, "ruleset_fd");
    system_check_master(L);
    if (syscall(SYS_landlock_restrict_self, fd, 0) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static const emilua_reg landlock_funcs[] = {
    {"landlock_create_ruleset", system_landlock_create_ruleset, 0},
    {"landlock_add_rule", system_landlock_add_rule, 0},
    {"landlock_restrict_self", system_landlock_restrict_self, 0},
    {NULL, NULL, 0},
};

void system_open_landlock(lua_State *L)
{
    emilua_set_funcs(L, "system", landlock_funcs);
}
