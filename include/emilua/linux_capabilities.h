/* system.linux_capabilities objects (libcap's cap_t), for modules that
 * read or write capability sets: filesystem.cap_get_file/cap_set_file,
 * and later file descriptors and subprocesses. */
#ifndef EMILUA_LINUX_CAPABILITIES_H
#define EMILUA_LINUX_CAPABILITIES_H

#include <sys/capability.h>

#include <emilua/api.h>

/* Pushes a new object that owns caps (cap_free()d when collected). */
void emilua_push_linux_capabilities(lua_State *L, cap_t caps);
/* The cap_t of the object at argn, still owned by it; anything else
 * raises the argument error naming `name`. */
cap_t emilua_check_linux_capabilities(lua_State *L, int argn,
                                      const char *name);

#endif
