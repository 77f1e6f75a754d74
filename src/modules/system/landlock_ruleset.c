/* system.landlock_ruleset(rules[, handled]): a helper beyond the
 * reference that builds a whole Landlock ruleset at once.
 *
 *     local fd = system.landlock_ruleset{
 *         {filesystem.path("/usr"), {"read_file", "read_dir", "execute"}},
 *         {dir_fd, {"read_file", "write_file", "make_reg"}},
 *     }
 *
 * Each rule is a directory or file (a filesystem.path or an open
 * file_descriptor) with the rights allowed beneath it.  `handled`, the
 * rights the ruleset restricts, defaults to every right the running
 * kernel knows, so what no rule grants is denied. */
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>
#include <emilua/filesystem.h>

#include "landlock.h"
#include "system.h"

/* Adds rule i (the table on top of the stack) to ruleset. */
static int add_rule(lua_State *L, int ruleset, uint64_t handled)
{
    int rule = lua_gettop(L);
    struct landlock_path_beneath_attr attr = {0};
    lua_rawgeti(L, rule, 2);
    attr.allowed_access = landlock_check_access(L, lua_gettop(L), 1,
                                                "rules") & handled;
    lua_rawgeti(L, rule, 1);
    size_t len;
    const char *path = emilua_test_path(L, -1, &len);
    int fd = -1, owned = -1;
    if (path) {
        if (strlen(path) != len)
            return -EINVAL;
        owned = fd = open(path, O_PATH | O_CLOEXEC);
        if (fd < 0)
            return -errno;
    } else {
        fd = emilua_test_file_descriptor(L, -1);
        if (fd < 0)
            return fd;
    }
    attr.parent_fd = fd;
    int rc = 0;
    if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH,
                &attr, 0) != 0)
        rc = -errno;
    if (owned >= 0)
        close(owned);
    lua_settop(L, rule - 1);
    return rc;
}

static int system_landlock_ruleset(lua_State *L)
{
    emilua_check_type(L, 1, LUA_TTABLE, "rules");
    uint64_t handled = landlock_supported_access();
    if (!lua_isnoneornil(L, 2))
        handled = landlock_check_access(L, 2, 2, "handled");
    if (handled == 0)
        return emilua_raise_errno(L, EOPNOTSUPP);
    lua_settop(L, 1);
    struct landlock_ruleset_attr attr = {.handled_access_fs = handled};
    long ruleset = syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
    if (ruleset < 0)
        return emilua_raise_errno(L, errno);
    /* Owned by Lua from here, so that a raise does not leak it. */
    emilua_push_file_descriptor(L, (int)ruleset);
    size_t n = lua_objlen(L, 1);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, (int)i);
        if (!lua_istable(L, -1))
            return emilua_arg_error(L, 1, "rules", "a table of rules");
        int rc = add_rule(L, (int)ruleset, handled);
        if (rc == -EINVAL)
            return emilua_raise_einval_arg(L, 1);
        if (rc < 0)
            return emilua_raise_errno(L, -rc);
    }
    return 1;
}

static const emilua_reg ruleset_funcs[] = {
    {"landlock_ruleset", system_landlock_ruleset, 0},
    {NULL, NULL, 0},
};

void system_open_landlock_ruleset(lua_State *L)
{
    emilua_set_funcs(L, "system", ruleset_funcs);
}
