/* Landlock's filesystem access rights by the names of the reference. */
#ifndef EMILUA_SYSTEM_LANDLOCK_H
#define EMILUA_SYSTEM_LANDLOCK_H

#include <stdint.h>

#include <emilua/api.h>

/* The rights named by the strings of the table at argn (field `field`
 * for the error report); an unknown name raises EINVAL with arg = argn. */
uint64_t landlock_check_access(lua_State *L, int t, int argn,
                               const char *field);

/* Every right this module can name that the running kernel's ABI
 * knows, or 0 when Landlock is unavailable. */
uint64_t landlock_supported_access(void);

#endif
