/* The clocks of the time module and their time points.  Every clock has
 * its own time point type, so points of different clocks never mix. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "time_module.h"

struct point {
    int64_t ns;
};

int64_t time_clock_now(const struct time_clock *c)
{
    struct timespec ts;
    clock_gettime(c->id, &ts);
    return (int64_t)ts.tv_sec * TIME_NS_PER_SEC + ts.tv_nsec;
}

bool time_secs_to_ns(double secs, int64_t *ns)
{
    /* nearbyint() rounds in the current mode, which is never changed from
     * the default: to nearest, ties to even, as the reference asks. */
    double x = nearbyint(secs * 1e9);
    if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0))
        return false;
    *ns = (int64_t)x;
    return true;
}

double time_ns_to_secs(int64_t ns)
{
    /* Split first so the whole seconds do not eat the fraction's bits. */
    return (double)(ns / TIME_NS_PER_SEC) +
           (double)(ns % TIME_NS_PER_SEC) / 1e9;
}

void time_push_point(lua_State *L, const struct time_clock *c, int64_t ns)
{
    struct point *p = emilua_new_udata(L, c->point_type, sizeof *p);
    p->ns = ns;
}

static int point_type_error(lua_State *L, const struct time_clock *c,
                            int argn, const char *name,
                            const char *alternative)
{
    char expected[128];
    snprintf(expected, sizeof expected, "a %s%s", c->point_type->name,
             alternative);
    return emilua_arg_error(L, argn, name, expected);
}

int64_t time_check_point(lua_State *L, int argn, const struct time_clock *c,
                         const char *name)
{
    struct point *p = emilua_test_udata(L, argn, c->point_type);
    if (!p) {
        char expected[128];
        snprintf(expected, sizeof expected, "a %s", c->point_type->name);
        emilua_arg_error(L, argn, name, expected);
    }
    return p->ns;
}

static struct point *check_self(lua_State *L, const struct time_clock *c)
{
    struct point *p = emilua_test_udata(L, 1, c->point_type);
    if (!p)
        point_type_error(L, c, 1, "self", "");
    return p;
}

/* A duration argument in seconds: a type error when not a number, EINVAL
 * (with arg = argn) when NaN, infinite or out of range. */
static int64_t check_secs(lua_State *L, int argn, const char *name)
{
    if (lua_type(L, argn) != LUA_TNUMBER)
        emilua_arg_error(L, argn, name, "a number");
    int64_t ns;
    if (!time_secs_to_ns(lua_tonumber(L, argn), &ns))
        emilua_raise_einval_arg(L, argn);
    return ns;
}

/* base + delta, or EINVAL naming the duration argument on overflow. */
static int64_t shifted(lua_State *L, int64_t base, int64_t delta, int argn)
{
    int64_t r;
    if (__builtin_add_overflow(base, delta, &r))
        emilua_raise_einval_arg(L, argn);
    return r;
}

/* ---- clock functions -------------------------------------------------- */

static int clock_now(lua_State *L, const struct time_clock *c)
{
    time_push_point(L, c, time_clock_now(c));
    return 1;
}

static int clock_epoch(lua_State *L, const struct time_clock *c)
{
    time_push_point(L, c, 0);
    return 1;
}

/* ---- time point members ------------------------------------------------ */

static int point_add_method(lua_State *L, const struct time_clock *c,
                            int sign)
{
    struct point *p = check_self(L, c);
    int64_t d = check_secs(L, 2, "secs");
    if (sign < 0) {
        if (d == INT64_MIN)
            return emilua_raise_einval_arg(L, 2);
        d = -d;
    }
    p->ns = shifted(L, p->ns, d, 2);
    return 0;
}

/* point + secs and secs + point give a new point. */
static int point_add_mm(lua_State *L, const struct time_clock *c)
{
    int pi = emilua_test_udata(L, 1, c->point_type) ? 1 : 2;
    int si = 3 - pi;
    struct point *p = emilua_test_udata(L, pi, c->point_type);
    if (!p)
        return point_type_error(L, c, pi, NULL, "");
    int64_t d = check_secs(L, si, NULL);
    time_push_point(L, c, shifted(L, p->ns, d, si));
    return 1;
}

/* point - point gives seconds; point - secs a new point (when the clock
 * has arithmetic with durations). */
static int point_sub_mm(lua_State *L, const struct time_clock *c,
                        bool with_secs)
{
    struct point *a = emilua_test_udata(L, 1, c->point_type);
    if (!a)
        return point_type_error(L, c, 1, NULL, "");
    struct point *b = emilua_test_udata(L, 2, c->point_type);
    if (b) {
        int64_t diff;
        if (__builtin_sub_overflow(a->ns, b->ns, &diff))
            lua_pushnumber(L, (double)a->ns / 1e9 - (double)b->ns / 1e9);
        else
            lua_pushnumber(L, time_ns_to_secs(diff));
        return 1;
    }
    if (!with_secs || lua_type(L, 2) != LUA_TNUMBER)
        return point_type_error(L, c, 2, NULL,
                                with_secs ? " or a number" : "");
    int64_t d = check_secs(L, 2, NULL);
    if (d == INT64_MIN)
        return emilua_raise_einval_arg(L, 2);
    time_push_point(L, c, shifted(L, a->ns, -d, 2));
    return 1;
}

enum cmp { CMP_EQ, CMP_LT, CMP_LE };

static int point_compare(lua_State *L, const struct time_clock *c,
                         enum cmp op)
{
    struct point *a = emilua_test_udata(L, 1, c->point_type);
    struct point *b = emilua_test_udata(L, 2, c->point_type);
    if (op == CMP_EQ) {
        lua_pushboolean(L, a && b && a->ns == b->ns);
        return 1;
    }
    if (!a)
        return point_type_error(L, c, 1, NULL, "");
    if (!b)
        return point_type_error(L, c, 2, NULL, "");
    lua_pushboolean(L, op == CMP_LT ? a->ns < b->ns : a->ns <= b->ns);
    return 1;
}

static int point_index(lua_State *L, const struct time_clock *c)
{
    struct point *p = check_self(L, c);
    if (lua_istable(L, lua_upvalueindex(1))) {
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(1));
        if (!lua_isnil(L, -1))
            return 1;
        lua_pop(L, 1);
    }
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    if (strcmp(key, "seconds_since_epoch") == 0) {
        lua_pushnumber(L, time_ns_to_secs(p->ns));
        return 1;
    }
    return luaL_error(L, "%s: no field '%s'", c->point_type->name, key);
}

static int point_newindex(lua_State *L, const struct time_clock *c)
{
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "%s: field '%s' cannot be assigned",
                      c->point_type->name, key);
}

/* ---- per clock bindings ------------------------------------------------ *
 * Thin wrappers so each function knows its clock.  The high resolution
 * clock has no arithmetic with durations: the
 * reference lists neither add/sub nor __add for its time points. */

#define CLOCK_BINDINGS(c)                                                    \
    static int c##_now(lua_State *L) { return clock_now(L, &time_##c); }    \
    static int c##_epoch(lua_State *L) { return clock_epoch(L, &time_##c); } \
    static int c##_index(lua_State *L) { return point_index(L, &time_##c); } \
    static int c##_newindex(lua_State *L)                                    \
    { return point_newindex(L, &time_##c); }                                 \
    static int c##_eq(lua_State *L)                                          \
    { return point_compare(L, &time_##c, CMP_EQ); }                          \
    static int c##_lt(lua_State *L)                                          \
    { return point_compare(L, &time_##c, CMP_LT); }                          \
    static int c##_le(lua_State *L)                                          \
    { return point_compare(L, &time_##c, CMP_LE); }                          \
    static const emilua_reg c##_funcs[] = {                                  \
        {"now", c##_now, 0}, {"epoch", c##_epoch, 0}, {NULL, NULL, 0},       \
    };

#define SHIFT_BINDINGS(c)                                                    \
    static int c##_add(lua_State *L)                                         \
    { return point_add_method(L, &time_##c, 1); }                            \
    static int c##_sub(lua_State *L)                                         \
    { return point_add_method(L, &time_##c, -1); }                           \
    static int c##_add_mm(lua_State *L)                                      \
    { return point_add_mm(L, &time_##c); }                                   \
    static int c##_sub_mm(lua_State *L)                                      \
    { return point_sub_mm(L, &time_##c, true); }                             \
    static const emilua_reg c##_methods[] = {                                \
        {"add", c##_add, 0}, {"sub", c##_sub, 0}, {NULL, NULL, 0},           \
    };                                                                       \
    static const luaL_Reg c##_meta[] = {                                     \
        {"__add", c##_add_mm}, {"__sub", c##_sub_mm}, {"__eq", c##_eq},      \
        {"__lt", c##_lt}, {"__le", c##_le}, {"__newindex", c##_newindex},    \
        {NULL, NULL},                                                        \
    };

CLOCK_BINDINGS(steady_clock)
SHIFT_BINDINGS(steady_clock)
CLOCK_BINDINGS(system_clock)
SHIFT_BINDINGS(system_clock)
CLOCK_BINDINGS(high_resolution_clock)

static int high_resolution_clock_sub_mm(lua_State *L)
{
    return point_sub_mm(L, &time_high_resolution_clock, false);
}

static const luaL_Reg high_resolution_clock_meta[] = {
    {"__sub", high_resolution_clock_sub_mm},
    {"__eq", high_resolution_clock_eq},
    {"__lt", high_resolution_clock_lt},
    {"__le", high_resolution_clock_le},
    {"__newindex", high_resolution_clock_newindex},
    {NULL, NULL},
};

static const emilua_udata_type steady_point_type = {
    "time.steady_clock.time_point", steady_clock_methods, steady_clock_meta,
    steady_clock_index,
};

static const emilua_udata_type system_point_type = {
    "time.system_clock.time_point", system_clock_methods, system_clock_meta,
    system_clock_index,
};

static const emilua_udata_type high_resolution_point_type = {
    "time.high_resolution_clock.time_point", NULL,
    high_resolution_clock_meta, high_resolution_clock_index,
};

const struct time_clock time_steady_clock = {
    "steady_clock", CLOCK_MONOTONIC, &steady_point_type,
};

const struct time_clock time_system_clock = {
    "system_clock", CLOCK_REALTIME, &system_point_type,
};

/* As with libstdc++ on Linux, the finest clock is the system clock (the
 * same nanosecond ticks), so it is not steady and uses the UNIX epoch. */
const struct time_clock time_high_resolution_clock = {
    "high_resolution_clock", CLOCK_REALTIME, &high_resolution_point_type,
};

void time_open_clocks(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "time.steady_clock", steady_clock_funcs);
    lua_setfield(L, -2, "steady_clock");

    lua_newtable(L);
    emilua_set_funcs(L, "time.system_clock", system_clock_funcs);
    lua_setfield(L, -2, "system_clock");

    lua_newtable(L);
    emilua_set_funcs(L, "time.high_resolution_clock",
                     high_resolution_clock_funcs);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "is_steady");
    lua_setfield(L, -2, "high_resolution_clock");
}
