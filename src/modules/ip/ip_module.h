/* Shared between the files of the ip module. */
#ifndef EMILUA_IP_MODULE_H
#define EMILUA_IP_MODULE_H

#include <stdbool.h>

#include <emilua/api.h>

/* Push the ip.address table of constructors. */
void ip_open_address(lua_State *L);
/* Set get_address_info, get_address_v{4,6}_info and get_name_info into
 * the table on top of the stack (ip.tcp when udp is false, ip.udp). */
void ip_set_resolvers(lua_State *L, bool udp);

#endif
