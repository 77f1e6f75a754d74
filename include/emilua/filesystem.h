/* filesystem.path values for modules that take or return file paths
 * (file, UNIX sockets, ...).  A path is an immutable userdata holding the
 * native (on Linux: byte) representation, always NUL-terminated.  The
 * pointers returned stay valid while the path value stays reachable
 * (e.g. on the stack as the function's argument). */
#ifndef EMILUA_FILESYSTEM_H
#define EMILUA_FILESYSTEM_H

#include <emilua/api.h>

/* The bytes of the filesystem.path at idx, or NULL for any other value.
 * len may be NULL. */
const char *emilua_test_path(lua_State *L, int idx, size_t *len);

/* Same, but anything else (plain strings included) raises the argument
 * error (generic EINVAL, arg = argn) naming the parameter `name`. */
const char *emilua_check_path(lua_State *L, int argn, const char *name,
                              size_t *len);

/* For system calls: as emilua_check_path(), and a path holding a NUL
 * byte (which the kernel would silently cut) also raises EINVAL with
 * arg = argn. */
const char *emilua_check_path_cstr(lua_State *L, int argn, const char *name);

/* Pushes a new filesystem.path made of the len bytes at s. */
void emilua_push_path(lua_State *L, const char *s, size_t len);

/* filesystem.clock.time_point values (stat times) from and to a timespec.
 * test() returns false for any other value. */
struct timespec;
void emilua_push_fs_time_point(lua_State *L, const struct timespec *ts);
bool emilua_test_fs_time_point(lua_State *L, int idx, struct timespec *ts);

#endif
