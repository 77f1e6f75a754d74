/* What stat(2) and statvfs(3) tell: status and symlink_status, the is_*
 * predicates, sizes, link counts, modification times, equivalence and
 * free space.  A missing file is a "not_found" status, false for the
 * predicates, and an error for the functions that need the file. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "fs_module.h"

int fs_stat(const char *path, struct stat *st, bool follow)
{
    return (follow ? stat(path, st) : lstat(path, st)) == 0 ? 0 : errno;
}

bool fs_is_not_found(int err)
{
    return err == ENOENT || err == ENOTDIR;
}

/* The stat of argument 1, or raises; a missing file is an error. */
static void need_stat(lua_State *L, struct stat *st, bool follow)
{
    int err = fs_stat(fs_arg(L, 1, "p"), st, follow);
    if (err)
        fs_raise(L, err, 1, 0);
}

/* The stat of argument 1, or false for a missing file; other errors
 * raise, as std::filesystem::status does. */
static bool stat_or_missing(lua_State *L, struct stat *st, bool follow)
{
    int err = fs_stat(fs_arg(L, 1, "p"), st, follow);
    if (err == 0)
        return true;
    if (!fs_is_not_found(err))
        fs_raise(L, err, 1, 0);
    return false;
}

/* status and symlink_status are closures over the strings of their
 * result, so that a call hashes no string: upvalue 1 is "type", 2
 * "mode", then one per index of status_names. */
static const char *const status_names[] = {
    "regular", "directory", "symlink", "block", "character", "fifo",
    "socket", "unknown", "not_found",
};

static int status_index(mode_t m)
{
    switch (m & S_IFMT) {
    case S_IFREG: return 0;
    case S_IFDIR: return 1;
    case S_IFLNK: return 2;
    case S_IFBLK: return 3;
    case S_IFCHR: return 4;
    case S_IFIFO: return 5;
    case S_IFSOCK: return 6;
    default: return 7;
    }
}

void fs_push_status(lua_State *L, const struct stat *st, int err)
{
    lua_createtable(L, 0, 2);
    lua_pushstring(L, status_names[err ? 8 : status_index(st->st_mode)]);
    lua_setfield(L, -2, "type");
    if (err)
        lua_pushliteral(L, "unknown");
    else
        lua_pushinteger(L, st->st_mode & 07777);
    lua_setfield(L, -2, "mode");
}

static int status_of(lua_State *L, bool follow)
{
    struct stat st;
    int err = fs_stat(fs_arg(L, 1, "p"), &st, follow);
    if (err && !fs_is_not_found(err))
        return fs_raise(L, err, 1, 0);
    lua_createtable(L, 0, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, lua_upvalueindex(3 + (err ? 8 : status_index(st.st_mode))));
    lua_rawset(L, -3);
    lua_pushvalue(L, lua_upvalueindex(2));
    if (err)
        lua_pushvalue(L, lua_upvalueindex(3 + 7));
    else
        lua_pushinteger(L, st.st_mode & 07777);
    lua_rawset(L, -3);
    return 1;
}

static int fs_status(lua_State *L)
{
    return status_of(L, true);
}

static int fs_symlink_status(lua_State *L)
{
    return status_of(L, false);
}

static int is_type(lua_State *L, mode_t type, bool follow)
{
    struct stat st;
    bool ok = stat_or_missing(L, &st, follow);
    lua_pushboolean(L, ok && (st.st_mode & S_IFMT) == type);
    return 1;
}

static int fs_exists(lua_State *L)
{
    struct stat st;
    lua_pushboolean(L, stat_or_missing(L, &st, true));
    return 1;
}

static int fs_is_block_device(lua_State *L) { return is_type(L, S_IFBLK, true); }
static int fs_is_character_device(lua_State *L) { return is_type(L, S_IFCHR, true); }
static int fs_is_directory(lua_State *L) { return is_type(L, S_IFDIR, true); }
static int fs_is_fifo(lua_State *L) { return is_type(L, S_IFIFO, true); }
static int fs_is_regular_file(lua_State *L) { return is_type(L, S_IFREG, true); }
static int fs_is_socket(lua_State *L) { return is_type(L, S_IFSOCK, true); }
static int fs_is_symlink(lua_State *L) { return is_type(L, S_IFLNK, false); }

static int fs_is_other(lua_State *L)
{
    struct stat st;
    bool ok = stat_or_missing(L, &st, true);
    mode_t t = st.st_mode & S_IFMT;
    lua_pushboolean(L, ok && t != S_IFREG && t != S_IFDIR && t != S_IFLNK);
    return 1;
}

/* A directory without entries, or a regular file of size 0. */
static int fs_is_empty(lua_State *L)
{
    struct stat st;
    need_stat(L, &st, true);
    if (S_ISREG(st.st_mode)) {
        lua_pushboolean(L, st.st_size == 0);
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        return fs_raise(L, EOPNOTSUPP, 1, 0);
    int fd = open(fs_arg(L, 1, "p"),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd < 0 ? NULL : fdopendir(fd);
    if (!d) {
        int err = errno;
        if (fd >= 0)
            close(fd);
        return fs_raise(L, err, 1, 0);
    }
    bool empty = true;
    struct dirent *e;
    errno = 0;
    while (empty && (e = readdir(d)))
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    int err = errno;
    closedir(d);
    if (empty && err)
        return fs_raise(L, err, 1, 0);
    lua_pushboolean(L, empty);
    return 1;
}

static int fs_file_size(lua_State *L)
{
    struct stat st;
    need_stat(L, &st, true);
    if (S_ISDIR(st.st_mode))
        return fs_raise(L, EISDIR, 1, 0);
    if (!S_ISREG(st.st_mode))
        return fs_raise(L, EOPNOTSUPP, 1, 0);
    lua_pushinteger(L, st.st_size);
    return 1;
}

static int fs_hardlink_count(lua_State *L)
{
    struct stat st;
    need_stat(L, &st, true);
    lua_pushinteger(L, (lua_Integer)st.st_nlink);
    return 1;
}

/* last_write_time(p) reads the mtime, last_write_time(p, tp) sets it;
 * both follow symlinks. */
static int fs_last_write_time(lua_State *L)
{
    if (lua_isnoneornil(L, 2)) {
        struct stat st;
        need_stat(L, &st, true);
        fs_push_time_point(L, &st.st_mtim);
        return 1;
    }
    const char *p = fs_arg(L, 1, "p");
    struct timespec times[2] = {
        {.tv_nsec = UTIME_OMIT},
        fs_check_time_point(L, 2, "tp"),
    };
    if (utimensat(AT_FDCWD, p, times, 0) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

/* Both must exist (as std::filesystem after LWG 2937). */
static int fs_equivalent(lua_State *L)
{
    const char *a = fs_arg(L, 1, "p1");
    const char *b = fs_arg(L, 2, "p2");
    struct stat sa, sb;
    int err = fs_stat(a, &sa, true);
    if (err)
        return fs_raise(L, err, 1, 2);
    if ((err = fs_stat(b, &sb, true)))
        return fs_raise(L, err, 1, 2);
    lua_pushboolean(L, sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino);
    return 1;
}

static int fs_space(lua_State *L)
{
    struct statvfs v;
    if (statvfs(fs_arg(L, 1, "p"), &v) != 0)
        return fs_raise(L, errno, 1, 0);
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, (lua_Integer)(v.f_blocks * v.f_frsize));
    lua_setfield(L, -2, "capacity");
    lua_pushinteger(L, (lua_Integer)(v.f_bfree * v.f_frsize));
    lua_setfield(L, -2, "free");
    lua_pushinteger(L, (lua_Integer)(v.f_bavail * v.f_frsize));
    lua_setfield(L, -2, "available");
    return 1;
}

static const emilua_reg status_funcs[] = {
    {"status", fs_status, 0},
    {"symlink_status", fs_symlink_status, 0},
    {"exists", fs_exists, 0},
    {"is_block_device", fs_is_block_device, 0},
    {"is_character_device", fs_is_character_device, 0},
    {"is_directory", fs_is_directory, 0},
    {"is_fifo", fs_is_fifo, 0},
    {"is_other", fs_is_other, 0},
    {"is_regular_file", fs_is_regular_file, 0},
    {"is_socket", fs_is_socket, 0},
    {"is_symlink", fs_is_symlink, 0},
    {"is_empty", fs_is_empty, 0},
    {"file_size", fs_file_size, 0},
    {"hardlink_count", fs_hardlink_count, 0},
    {"last_write_time", fs_last_write_time, 0},
    {"equivalent", fs_equivalent, 0},
    {"space", fs_space, 0},
    {NULL, NULL, 0},
};

static void set_status_closure(lua_State *L, const char *name,
                               lua_CFunction f)
{
    lua_pushliteral(L, "type");
    lua_pushliteral(L, "mode");
    int n = (int)(sizeof status_names / sizeof *status_names);
    for (int i = 0; i < n; i++)
        lua_pushstring(L, status_names[i]);
    lua_pushcclosure(L, f, 2 + n);
    lua_setfield(L, -2, name);
}

void fs_open_status(lua_State *L)
{
    emilua_set_funcs(L, "filesystem", status_funcs);
    set_status_closure(L, "status", fs_status);
    set_status_closure(L, "symlink_status", fs_symlink_status);
}
