/* filesystem.clock: the clock of file times.  Its epoch is left open by
 * the reference; here it is the UNIX epoch, so a time point is the
 * nanoseconds of a struct timespec and converts to and from
 * time.system_clock (the same epoch and ticks) without arithmetic.  The
 * int64_t nanoseconds cover the years 1678 to 2262. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "fs_module.h"
#include "../time/time_module.h"   /* system_clock points and rounding */

struct point {
    int64_t ns;
};

static const emilua_udata_type point_type;

static void push_point(lua_State *L, int64_t ns)
{
    struct point *p = emilua_new_udata(L, &point_type, sizeof *p);
    p->ns = ns;
}

void fs_push_time_point(lua_State *L, const struct timespec *ts)
{
    push_point(L, (int64_t)ts->tv_sec * TIME_NS_PER_SEC + ts->tv_nsec);
}

struct timespec fs_check_time_point(lua_State *L, int argn, const char *name)
{
    struct point *p = emilua_test_udata(L, argn, &point_type);
    if (!p)
        emilua_arg_error(L, argn, name, "a filesystem.clock.time_point");
    int64_t s = p->ns / TIME_NS_PER_SEC, ns = p->ns % TIME_NS_PER_SEC;
    if (ns < 0) {
        s--;
        ns += TIME_NS_PER_SEC;
    }
    return (struct timespec){.tv_sec = (time_t)s, .tv_nsec = (long)ns};
}

void emilua_push_fs_time_point(lua_State *L, const struct timespec *ts)
{
    fs_push_time_point(L, ts);
}

bool emilua_test_fs_time_point(lua_State *L, int idx, struct timespec *ts)
{
    if (!emilua_test_udata(L, idx, &point_type))
        return false;
    *ts = fs_check_time_point(L, idx, NULL);
    return true;
}

static struct point *check_point(lua_State *L, int argn)
{
    return emilua_check_udata(L, argn, &point_type);
}

/* A duration in seconds; EINVAL when NaN, infinite or out of range. */
static int64_t check_secs(lua_State *L, int argn)
{
    lua_Number secs = emilua_check_number(L, argn, "secs");
    int64_t ns;
    if (!time_secs_to_ns(secs, &ns))
        emilua_raise_einval_arg(L, argn);
    return ns;
}

static int64_t shifted(lua_State *L, int64_t base, int64_t delta, int argn)
{
    int64_t r;
    if (__builtin_add_overflow(base, delta, &r))
        emilua_raise_einval_arg(L, argn);
    return r;
}

static int clock_now(lua_State *L)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    fs_push_time_point(L, &ts);
    return 1;
}

static int clock_epoch(lua_State *L)
{
    push_point(L, 0);
    return 1;
}

static int clock_from_system(lua_State *L)
{
    push_point(L, time_check_point(L, 1, &time_system_clock, "tp"));
    return 1;
}

static int point_to_system(lua_State *L)
{
    time_push_point(L, &time_system_clock, check_point(L, 1)->ns);
    return 1;
}

static int shift_method(lua_State *L, int sign)
{
    struct point *p = check_point(L, 1);
    int64_t d = check_secs(L, 2);
    if (sign < 0 && __builtin_sub_overflow(0, d, &d))
        return emilua_raise_einval_arg(L, 2);
    p->ns = shifted(L, p->ns, d, 2);
    return 0;
}

static int point_add(lua_State *L)
{
    return shift_method(L, 1);
}

static int point_sub(lua_State *L)
{
    return shift_method(L, -1);
}

/* point + secs, secs + point */
static int point_add_mm(lua_State *L)
{
    int pi = emilua_test_udata(L, 1, &point_type) ? 1 : 2;
    struct point *p = check_point(L, pi);
    int64_t d = check_secs(L, 3 - pi);
    push_point(L, shifted(L, p->ns, d, 3 - pi));
    return 1;
}

/* point - point gives seconds, point - secs a point */
static int point_sub_mm(lua_State *L)
{
    struct point *a = check_point(L, 1);
    struct point *b = emilua_test_udata(L, 2, &point_type);
    if (b) {
        int64_t diff;
        if (__builtin_sub_overflow(a->ns, b->ns, &diff))
            lua_pushnumber(L, (double)a->ns / 1e9 - (double)b->ns / 1e9);
        else
            lua_pushnumber(L, time_ns_to_secs(diff));
        return 1;
    }
    int64_t d = check_secs(L, 2);
    if (__builtin_sub_overflow(0, d, &d))
        return emilua_raise_einval_arg(L, 2);
    push_point(L, shifted(L, a->ns, d, 2));
    return 1;
}

static int point_eq(lua_State *L)
{
    struct point *a = emilua_test_udata(L, 1, &point_type);
    struct point *b = emilua_test_udata(L, 2, &point_type);
    lua_pushboolean(L, a && b && a->ns == b->ns);
    return 1;
}

static int point_lt(lua_State *L)
{
    lua_pushboolean(L, check_point(L, 1)->ns < check_point(L, 2)->ns);
    return 1;
}

static int point_le(lua_State *L)
{
    lua_pushboolean(L, check_point(L, 1)->ns <= check_point(L, 2)->ns);
    return 1;
}

static int point_index(lua_State *L)
{
    struct point *p = check_point(L, 1);
    if (lua_istable(L, lua_upvalueindex(1))) {
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(1));
        if (!lua_isnil(L, -1))
            return 1;
        lua_pop(L, 1);
    }
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    if (strcmp(key, "seconds_since_epoch") == 0 ||
        strcmp(key, "seconds_since_unix_epoch") == 0) {
        lua_pushnumber(L, time_ns_to_secs(p->ns));
        return 1;
    }
    return luaL_error(L, "filesystem.clock.time_point: no field '%s'", key);
}

static const emilua_reg point_methods[] = {
    {"add", point_add, 0},
    {"sub", point_sub, 0},
    {"to_system", point_to_system, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg point_meta[] = {
    {"__add", point_add_mm},
    {"__sub", point_sub_mm},
    {"__eq", point_eq},
    {"__lt", point_lt},
    {"__le", point_le},
    {NULL, NULL},
};

static const emilua_udata_type point_type = {
    "filesystem.clock.time_point", point_methods, point_meta, point_index,
};

static const emilua_reg clock_funcs[] = {
    {"now", clock_now, 0},
    {"epoch", clock_epoch, 0},
    {"unix_epoch", clock_epoch, 0},
    {"from_system", clock_from_system, 0},
    {NULL, NULL, 0},
};

void fs_open_clock(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "filesystem.clock", clock_funcs);
    lua_setfield(L, -2, "clock");
}
