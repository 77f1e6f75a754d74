/* Shared by the files of the time module (src/modules/time.c and
 * src/modules/time/).  A time point is an int64_t count of nanoseconds
 * since its clock's epoch; durations are Lua numbers of seconds. */
#ifndef EMILUA_TIME_MODULE_H
#define EMILUA_TIME_MODULE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <emilua/api.h>

#define TIME_NS_PER_SEC INT64_C(1000000000)

struct time_clock {
    const char *name;                   /* "steady_clock" */
    clockid_t id;
    const emilua_udata_type *point_type;
};

extern const struct time_clock time_steady_clock;
extern const struct time_clock time_system_clock;
extern const struct time_clock time_high_resolution_clock;

int64_t time_clock_now(const struct time_clock *c);

/* Seconds to nanoseconds, rounded to the nearest tick (ties to even).
 * False for NaN, infinities and values outside int64_t nanoseconds
 * (about +-292 years). */
bool time_secs_to_ns(double secs, int64_t *ns);
double time_ns_to_secs(int64_t ns);

void time_push_point(lua_State *L, const struct time_clock *c, int64_t ns);
/* The nanoseconds of the time point of c at argn, or a type error naming
 * name. */
int64_t time_check_point(lua_State *L, int argn, const struct time_clock *c,
                         const char *name);

/* Set the clock and timer tables into the module table on top. */
void time_open_clocks(lua_State *L);
void time_open_timers(lua_State *L);

#endif
