/* require 'system': the module table, and the process-wide bits that fit
 * no other file (arguments, environment, exit, get_lowfd).  The stdio
 * objects, signals and process identity live in their own files. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>

#include "system.h"

extern char **environ;

void system_check_master(lua_State *L)
{
    if (!emilua_vm_is_master(emilua_vm_of(L)))
        emilua_raise_error(L, &emilua_runtime_category,
                           EMILUA_ERRC_NOT_MASTER_VM);
}

lua_Integer system_check_int_range(lua_State *L, int argn, const char *name,
                                   lua_Integer min,
                                   lua_Integer max)
{
    lua_Integer n = emilua_check_integer(L, argn, name);
    if (n < min || n > max)
        emilua_raise_einval_arg(L, argn);
    return n;
}

/* {binary, script, args after the script...} */
static void push_arguments(lua_State *L, emilua_process *p)
{
    lua_newtable(L);
    const char *arg;
    for (int i = 0; (arg = emilua_process_arg(p, i)); i++) {
        lua_pushstring(L, arg);
        lua_rawseti(L, -2, i + 1);
    }
}

static void push_environment(lua_State *L)
{
    lua_newtable(L);
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        lua_pushlstring(L, *e, (size_t)(eq - *e));
        lua_pushstring(L, eq + 1);
        lua_rawset(L, -3);
    }
}

enum force { FORCE_NONE, FORCE_UNIMPLEMENTED, FORCE_EXIT, FORCE_ABORT };

static enum force check_force(lua_State *L)
{
    if (lua_isnoneornil(L, 2))
        return FORCE_NONE;
    emilua_check_type(L, 2, LUA_TTABLE, "opts");
    lua_getfield(L, 2, "force");
    enum force force = FORCE_NONE;
    switch (lua_type(L, -1)) {
    case LUA_TNIL:
        break;
    case LUA_TNUMBER: {
        lua_Number n = lua_tonumber(L, -1);
        if (n == 0)
            force = FORCE_NONE;
        else if (n == 1)
            force = FORCE_UNIMPLEMENTED;
        else if (n == 2)
            force = FORCE_EXIT;
        else
            emilua_raise_einval_arg(L, 2);
        break;
    }
    case LUA_TSTRING:
        if (strcmp(lua_tostring(L, -1), "abort") != 0)
            emilua_raise_einval_arg(L, 2);
        force = FORCE_ABORT;
        break;
    default:
        /* Report the field's type: it takes the argument's slot. */
        lua_replace(L, 2);
        emilua_arg_error(L, 2, "opts.force",
                         "0, 1, 2 or \"abort\"");
    }
    lua_pop(L, 1);
    return force;
}

/* system.exit([code[, opts]]): ends the calling VM.  The fiber suspends
 * for good so that none of its Lua code runs after the call; the VM is
 * closed at once by the scheduler. */
static int system_exit(lua_State *L)
{
    lua_Integer code = 0;
    if (!lua_isnoneornil(L, 1))
        code = emilua_check_integer(L, 1, "code");
    enum force force = check_force(L);

    emilua_vm *vm = emilua_vm_of(L);
    if (emilua_vm_is_master(vm)) {
        int status = (int)(code & 0xff);
        switch (force) {
        case FORCE_NONE:
            break;
        case FORCE_UNIMPLEMENTED:
            return emilua_raise_errno(L, ENOSYS);
        case FORCE_EXIT:
            _exit(status);
        case FORCE_ABORT:
            abort();
        }
        emilua_request_exit(vm, status);
    } else {
        /* code and opts only apply to the master VM */
        emilua_vm_terminate(vm);
    }

    /* Inside this_fiber.forbid_suspend() the fiber cannot park; it then
     * runs on until its next suspension point or its end. */
    emilua_fiber *f = emilua_suspendable_fiber(L);
    if (!f) {
        lua_settop(L, 0);
        lua_pushnil(L);
        return 1;
    }
    return emilua_suspend(L, f, NULL, NULL);
}

/* system.get_lowfd(fd): each inherited fd 3..9 is handed out once. */
static int system_get_lowfd(lua_State *L)
{
    lua_Integer fd = emilua_check_integer(L, 1, "fd");
    system_check_master(L);
    if (!emilua_take_lowfd(emilua_vm_of(L), (int)fd)) {
        lua_pushnil(L);
        return 1;
    }
    emilua_push_file_descriptor(L, (int)fd);
    return 1;
}

static const emilua_reg system_funcs[] = {
    {"exit", system_exit, EMILUA_SUSPENDS},
    {"get_lowfd", system_get_lowfd, 0},
    {NULL, NULL, 0},
};

int emilua_open_system(lua_State *L)
{
    emilua_process *p = emilua_vm_process(emilua_vm_of(L));
    lua_newtable(L);
    emilua_set_funcs(L, "system", system_funcs);
    push_arguments(L, p);
    lua_setfield(L, -2, "arguments");
    push_environment(L);
    lua_setfield(L, -2, "environment");
    system_open_stdio(L);
    system_open_signal(L);
    system_open_ids(L);
    system_open_capabilities(L);
    system_open_spawn(L);
    system_open_seccomp(L);
    system_open_seccomp_filter(L);
    system_open_landlock(L);
    system_open_landlock_ruleset(L);
    system_open_ld_library(L);
    return 1;
}
