/* What the files of the filesystem module share. */
#ifndef EMILUA_FS_MODULE_H
#define EMILUA_FS_MODULE_H

#include <stdbool.h>
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

/* Push new paths: a / b, the lexically normal form of s, and s relative
 * to b (or s itself when proximate and there is no relative form). */
void fs_push_join(lua_State *L, const char *a, size_t an, const char *b,
                  size_t bn);
void fs_push_normal(lua_State *L, const char *s, size_t n);
void fs_push_relative(lua_State *L, const char *s, size_t n, const char *b,
                      size_t bn, bool proximate);

/* Raises the system error err carrying the path(s) as fields path1 and
 * path2 (a NULL index is skipped), as the reference's filesystem_error. */
int fs_raise(lua_State *L, int err, int path1_idx, int path2_idx);

/* Raises the emilua "not master VM" error unless L's VM is the master. */
void fs_check_master(lua_State *L);

/* The status table {type=, mode=} of a stat result; err (a positive
 * errno) ENOENT or ENOTDIR gives type "not_found" and mode "unknown". */
void fs_push_status(lua_State *L, const struct stat *st, int err);
/* stat or lstat: 0 or a positive errno. */
int fs_stat(const char *path, struct stat *st, bool follow);
bool fs_is_not_found(int err);

/* filesystem.clock.time_point from and to a timespec. */
void fs_push_time_point(lua_State *L, const struct timespec *ts);
struct timespec fs_check_time_point(lua_State *L, int argn, const char *name);

/* The path argument of a function that makes a system call with it. */
static inline const char *fs_arg(lua_State *L, int argn, const char *name)
{
    return emilua_check_path_cstr(L, argn, name);
}

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
