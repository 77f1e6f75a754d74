/* What the files of the system module share. */
#ifndef EMILUA_SYSTEM_INTERNAL_H
#define EMILUA_SYSTEM_INTERNAL_H

#include <emilua/api.h>

/* Raises the emilua "not master VM" error unless L's VM is the master. */
void system_check_master(lua_State *L);

/* Checks that argument argn is an integer within [min, max]: a wrong type
 * raises the usual argument error, an out-of-range value EINVAL. */
lua_Integer system_check_int_range(lua_State *L, int argn, const char *name,
                                   lua_Integer min, lua_Integer max);

/* Pushes the tables/objects for each concern. */
void system_open_stdio(lua_State *L);   /* sets in_, out, err on top table */
void system_open_signal(lua_State *L);  /* sets signal on top table */
void system_open_ids(lua_State *L);     /* sets the process identity funcs */
void system_open_capabilities(lua_State *L); /* cap_* funcs, SECBIT_* */
void system_open_spawn(lua_State *L);         /* spawn */
void system_open_seccomp(lua_State *L);       /* no_new_privs, seccomp */
void system_open_seccomp_filter(lua_State *L); /* seccomp_filter */
void system_open_landlock(lua_State *L);      /* landlock_* */
void system_open_landlock_ruleset(lua_State *L); /* landlock_ruleset */
void system_open_ld_library(lua_State *L);    /* get_ld_library_dirs */

#endif
