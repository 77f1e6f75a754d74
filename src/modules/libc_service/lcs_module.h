/* Shared by the files of the libc_service module. */
#ifndef EMILUA_LCS_MODULE_H
#define EMILUA_LCS_MODULE_H

#include <emilua/api.h>

extern const emilua_udata_type lcs_slave_type;
void lcs_push_slave(lua_State *L, int fd);
/* Pushes a new master owning fd (nonblocking, close-on-exec): 0 or a
 * negative status (fd then not taken). */
int lcs_push_master(lua_State *L, int fd);

#endif
