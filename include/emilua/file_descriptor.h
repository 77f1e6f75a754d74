/* file_descriptor objects, for modules that hand an fd to Lua or take one
 * from it: an IO object's release() pushes one, assign() takes one. */
#ifndef EMILUA_FILE_DESCRIPTOR_H
#define EMILUA_FILE_DESCRIPTOR_H

#include <emilua/api.h>

/* Pushes a new file_descriptor owning fd (closed by close() or GC). */
void emilua_push_file_descriptor(lua_State *L, int fd);
/* The fd held by the file_descriptor at argn, which keeps owning it;
 * raises on another type, and EBADF when it was closed. */
int emilua_check_file_descriptor(lua_State *L, int argn, const char *name);
/* The fd held by the value at idx without raising: -EBADF for a closed
 * file_descriptor, -EINVAL for any other value. */
int emilua_test_file_descriptor(lua_State *L, int idx);
/* As emilua_check_file_descriptor(), but takes the fd away: the
 * file_descriptor is closed afterwards and the caller owns the fd. */
int emilua_take_file_descriptor(lua_State *L, int argn, const char *name);

#endif
