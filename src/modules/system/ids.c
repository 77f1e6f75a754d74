/* Process identity: pids, process groups, sessions, credentials and the
 * supplementary groups.  Each function is one system call. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <signal.h>
#include <grp.h>
#include <unistd.h>

#include "system.h"

/* An id argument: -1 ("leave unchanged") or a valid uid/gid. */
static lua_Integer check_id(lua_State *L, int argn, const char *name)
{
    return system_check_int_range(L, argn, name, -1, UINT32_MAX);
}

static pid_t check_pid(lua_State *L, int argn, const char *name)
{
    return (pid_t)system_check_int_range(L, argn, name, INT_MIN,
                                         INT_MAX);
}

static int push_id_or_raise(lua_State *L, long id)
{
    if (id < 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, id);
    return 1;
}

static int system_getpid(lua_State *L)
{
    lua_pushinteger(L, getpid());
    return 1;
}

static int system_getppid(lua_State *L)
{
    lua_pushinteger(L, getppid());
    return 1;
}

static int system_kill(lua_State *L)
{
    pid_t pid = check_pid(L, 1, "pid");
    int sig = (int)system_check_int_range(L, 2, "sig",
                                          INT_MIN, INT_MAX);
    system_check_master(L);
    if (kill(pid, sig) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int system_getpgrp(lua_State *L)
{
    lua_pushinteger(L, getpgrp());
    return 1;
}

static int system_getpgid(lua_State *L)
{
    pid_t pid = check_pid(L, 1, "pid");
    return push_id_or_raise(L, getpgid(pid));
}

static int system_setpgid(lua_State *L)
{
    pid_t pid = check_pid(L, 1, "pid");
    pid_t pgid = check_pid(L, 2, "pgid");
    system_check_master(L);
    if (setpgid(pid, pgid) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int system_getsid(lua_State *L)
{
    pid_t pid = check_pid(L, 1, "pid");
    return push_id_or_raise(L, getsid(pid));
}

static int system_setsid(lua_State *L)
{
    system_check_master(L);
    return push_id_or_raise(L, setsid());
}

static int system_getresuid(lua_State *L)
{
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) != 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, r);
    lua_pushinteger(L, e);
    lua_pushinteger(L, s);
    return 3;
}

static int system_getresgid(lua_State *L)
{
    gid_t r, e, s;
    if (getresgid(&r, &e, &s) != 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, r);
    lua_pushinteger(L, e);
    lua_pushinteger(L, s);
    return 3;
}

static int system_setresuid(lua_State *L)
{
    uid_t r = (uid_t)check_id(L, 1, "ruid");
    uid_t e = (uid_t)check_id(L, 2, "euid");
    uid_t s = (uid_t)check_id(L, 3, "suid");
    system_check_master(L);
    if (setresuid(r, e, s) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int system_setresgid(lua_State *L)
{
    gid_t r = (gid_t)check_id(L, 1, "rgid");
    gid_t e = (gid_t)check_id(L, 2, "egid");
    gid_t s = (gid_t)check_id(L, 3, "sgid");
    system_check_master(L);
    if (setresgid(r, e, s) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int system_getgroups(lua_State *L)
{
    for (;;) {
        int n = getgroups(0, NULL);
        if (n < 0)
            return emilua_raise_errno(L, errno);
        gid_t *groups = lua_newuserdata(L, (size_t)(n ? n : 1) *
                                        sizeof *groups);
        int got = getgroups(n, groups);
        if (got < 0) {
            if (errno == EINVAL) {   /* the list grew meanwhile */
                lua_pop(L, 1);
                continue;
            }
            return emilua_raise_errno(L, errno);
        }
        lua_createtable(L, got, 0);
        for (int i = 0; i < got; i++) {
            lua_pushinteger(L, groups[i]);
            lua_rawseti(L, -2, i + 1);
        }
        return 1;
    }
}

static int system_setgroups(lua_State *L)
{
    emilua_check_type(L, 1, LUA_TTABLE, "groups");
    size_t n = lua_objlen(L, 1);
    if (n > (size_t)sysconf(_SC_NGROUPS_MAX))
        return emilua_raise_einval_arg(L, 1);
    gid_t *groups = lua_newuserdata(L, (n ? n : 1) * sizeof *groups);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, 1, (int)i + 1);
        if (lua_type(L, -1) != LUA_TNUMBER) {
            char name[32];
            snprintf(name, sizeof name, "groups[%d]", (int)i + 1);
            lua_replace(L, 1);   /* so that the error shows its type */
            return emilua_arg_error(L, 1, name, "a number");
        }
        lua_Number v = lua_tonumber(L, -1);
        if (v != (lua_Number)(lua_Integer)v || v < 0 || v > UINT32_MAX - 1.0)
            return emilua_raise_einval_arg(L, 1);
        groups[i] = (gid_t)v;
        lua_pop(L, 1);
    }
    system_check_master(L);
    if (setgroups(n, groups) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static const emilua_reg ids_funcs[] = {
    {"getpid", system_getpid, 0},
    {"getppid", system_getppid, 0},
    {"kill", system_kill, 0},
    {"getpgrp", system_getpgrp, 0},
    {"getpgid", system_getpgid, 0},
    {"setpgid", system_setpgid, 0},
    {"getsid", system_getsid, 0},
    {"setsid", system_setsid, 0},
    {"getresuid", system_getresuid, 0},
    {"getresgid", system_getresgid, 0},
    {"setresuid", system_setresuid, 0},
    {"setresgid", system_setresgid, 0},
    {"getgroups", system_getgroups, 0},
    {"setgroups", system_setgroups, 0},
    {NULL, NULL, 0},
};

void system_open_ids(lua_State *L)
{
    emilua_set_funcs(L, "system", ids_funcs);
}
