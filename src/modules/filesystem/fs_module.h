/* What the files of the filesystem module share. */
#ifndef EMILUA_FS_MODULE_H
#define EMILUA_FS_MODULE_H

#include <sys/stat.h>
#include <sys/types.h>

#include <emilua/api.h>
#include <emilua/filesystem.h>

/* A path's bytes (NUL-terminated) live in the userdata itself. */
struct fs_path {
    size_t len;
    char s[];
};

/* Pushes a path of capacity cap bytes to fill; set ->len and the NUL. */
struct fs_path *fs_new_path(lua_State *L, size_t cap);

/* Raises the system error err carrying the path(s) as fields path1 and
 * path2 (a NULL index is skipped), as the reference's filesystem_error. */
int fs_raise(lua_State *L, int err, int path1_idx, int path2_idx);

/* Raises the emilua "not master VM" error unless L's VM is the master. */
void fs_check_master(lua_State *L);

/* Mode/type → status table {type=, mode=}. */
void fs_push_status(lua_State *L, const struct stat *st, int err);

/* Pushes a filesystem.clock.time_point from a timespec. */
void fs_push_time_point(lua_State *L, const struct timespec *ts);

/* Each sets its functions into the module table on top of the stack. */
void fs_open_path(lua_State *L);
void fs_open_clock(lua_State *L);
void fs_open_ops(lua_State *L);
void fs_open_status(lua_State *L);
void fs_open_resolve(lua_State *L);
void fs_open_copy(lua_State *L);
void fs_open_iterators(lua_State *L);
void fs_open_caps(lua_State *L);

#endif
