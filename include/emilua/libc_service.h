/* libc_service.slave for the functions that consume one (system.spawn's
 * extra_fds): the slave is a socket the child inherits. */
#ifndef EMILUA_LIBC_SERVICE_H
#define EMILUA_LIBC_SERVICE_H

#include <emilua/api.h>

/* The socket of the libc_service.slave at idx, which keeps owning it;
 * -EINVAL for any other value, -EBADF for a slave already consumed. */
int emilua_test_libc_service_slave(lua_State *L, int idx);

/* Consumes the slave at idx (a valid one): our copy of its socket is
 * closed, so the master sees EOF once the consumer's copies are gone. */
void emilua_consume_libc_service_slave(lua_State *L, int idx);

#endif
