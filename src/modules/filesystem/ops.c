/* Making, changing and removing filesystem objects: directories, links,
 * FIFOs, device nodes, permissions, owners, names and sizes; plus
 * filesystem.open and the device-number helpers.  Each is one system
 * call on its arguments (create_directories and remove_all one per
 * element). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>

#include "fs_module.h"
#include "path_lexical.h"

static mode_t check_mode(lua_State *L, int argn)
{
    lua_Integer m = emilua_check_integer(L, argn, "mode");
    if (m < 0 || m > 07777)
        emilua_raise_einval_arg(L, argn);
    return (mode_t)m;
}

/* mkdir(p, 0777), or with the mode of existing_p; an existing directory
 * is no error and gives false. */
static int fs_create_directory(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    mode_t mode = 0777;
    if (!lua_isnoneornil(L, 2)) {
        struct stat st;
        int err = fs_stat(fs_arg(L, 2, "existing_p"), &st, true);
        if (err)
            return fs_raise(L, err, 2, 0);
        mode = st.st_mode & 07777;
    }
    if (mkdir(p, mode) == 0) {
        lua_pushboolean(L, 1);
        return 1;
    }
    int err = errno;
    struct stat st;
    if (err == EEXIST && fs_stat(p, &st, true) == 0 && S_ISDIR(st.st_mode)) {
        lua_pushboolean(L, 0);
        return 1;
    }
    return fs_raise(L, err, 1, 0);
}

/* mkdir -p: every prefix of p (element by element) that does not exist
 * yet; true when the last one was made here. */
static int fs_create_directories(lua_State *L)
{
    size_t n;
    const char *p = emilua_check_path(L, 1, "p", &n);
    fs_arg(L, 1, "p");   /* no NUL inside */
    if (n == 0)
        return fs_raise(L, EINVAL, 1, 0);
    struct stat st;
    int err = fs_stat(p, &st, true);
    if (err == 0) {
        if (!S_ISDIR(st.st_mode))
            return fs_raise(L, EEXIST, 1, 0);
        lua_pushboolean(L, 0);
        return 1;
    }
    char *prefix = malloc(n + 1);
    if (!prefix)
        return fs_raise(L, ENOMEM, 1, 0);
    size_t cursor = 0;
    struct fs_elem e;
    bool created = false;
    err = 0;
    while (!err && fs_next_elem(p, n, &cursor, &e)) {
        if (e.len == 0 || (e.pos == 0 && p[0] == '/'))
            continue;
        memcpy(prefix, p, e.pos + e.len);
        prefix[e.pos + e.len] = '\0';
        created = mkdir(prefix, 0777) == 0;
        if (!created && errno != EEXIST)
            err = errno;
        else if (!created && (fs_stat(prefix, &st, true) != 0 ||
                              !S_ISDIR(st.st_mode)))
            err = ENOTDIR;
    }
    free(prefix);
    if (err)
        return fs_raise(L, err, 1, 0);
    lua_pushboolean(L, created);
    return 1;
}

static int fs_mkdir(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    if (mkdir(p, check_mode(L, 2)) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

static int fs_create_hardlink(lua_State *L)
{
    const char *target = fs_arg(L, 1, "target");
    const char *link_ = fs_arg(L, 2, "link");
    if (link(target, link_) != 0)
        return fs_raise(L, errno, 1, 2);
    return 0;
}

/* Also create_directory_symlink: the two differ only on Windows. */
static int fs_create_symlink(lua_State *L)
{
    const char *target = fs_arg(L, 1, "target");
    const char *link_ = fs_arg(L, 2, "link");
    if (symlink(target, link_) != 0)
        return fs_raise(L, errno, 1, 2);
    return 0;
}

static int fs_mkfifo(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    if (mkfifo(p, check_mode(L, 2)) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

static int fs_mknod(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    lua_Integer mode = emilua_check_integer(L, 2, "mode");
    lua_Integer dev = emilua_check_integer(L, 3, "dev");
    if (!lua_isnoneornil(L, 4)) {
        const char *type = emilua_check_string(L, 4, NULL, "type");
        if (strcmp(type, "character") == 0)
            mode |= S_IFCHR;
        else if (strcmp(type, "block") == 0)
            mode |= S_IFBLK;
        else
            return emilua_raise_einval_arg(L, 4);
    }
    if (mknod(p, (mode_t)mode, (dev_t)dev) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

static unsigned int check_u32(lua_State *L, int argn, const char *name)
{
    lua_Integer v = emilua_check_integer(L, argn, name);
    if (v < 0 || v > UINT32_MAX)
        emilua_raise_einval_arg(L, argn);
    return (unsigned int)v;
}

static int fs_makedev(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)makedev(check_u32(L, 1, "major"),
                                            check_u32(L, 2, "minor")));
    return 1;
}

static dev_t check_dev(lua_State *L)
{
    return (dev_t)emilua_check_integer(L, 1, "dev");
}

static int fs_dev_major(lua_State *L)
{
    lua_pushinteger(L, major(check_dev(L)));
    return 1;
}

static int fs_dev_minor(lua_State *L)
{
    lua_pushinteger(L, minor(check_dev(L)));
    return 1;
}

static int fs_chmod(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    if (chmod(p, check_mode(L, 2)) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

/* Linux cannot change a symlink's own mode: ENOTSUP then. */
static int fs_lchmod(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    if (fchmodat(AT_FDCWD, p, check_mode(L, 2), AT_SYMLINK_NOFOLLOW) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

static lua_Integer check_id(lua_State *L, int argn, const char *name)
{
    lua_Integer id = emilua_check_integer(L, argn, name);
    if (id < -1 || id > UINT32_MAX - 1)
        emilua_raise_einval_arg(L, argn);
    return id;
}

static int chown_(lua_State *L, bool follow)
{
    const char *p = fs_arg(L, 1, "p");
    uid_t u = (uid_t)check_id(L, 2, "owner");
    gid_t g = (gid_t)check_id(L, 3, "group");
    if ((follow ? chown(p, u, g) : lchown(p, u, g)) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

static int fs_chown(lua_State *L)
{
    return chown_(L, true);
}

static int fs_lchown(lua_State *L)
{
    return chown_(L, false);
}

static int fs_read_symlink(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    size_t cap = PATH_MAX;
    for (;;) {
        char *buf = malloc(cap);
        if (!buf)
            return fs_raise(L, ENOMEM, 1, 0);
        ssize_t n = readlink(p, buf, cap);
        if (n >= 0 && (size_t)n < cap) {
            emilua_push_path(L, buf, (size_t)n);
            free(buf);
            return 1;
        }
        int err = errno;
        free(buf);
        if (n < 0)
            return fs_raise(L, err, 1, 0);
        cap *= 2;
    }
}

/* A file or an empty directory; false when there was nothing. */
static int fs_remove(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    if (remove(p) == 0) {
        lua_pushboolean(L, 1);
        return 1;
    }
    if (errno == ENOENT) {
        lua_pushboolean(L, 0);
        return 1;
    }
    return fs_raise(L, errno, 1, 0);
}

/* Removes name (relative to dirfd) and what it holds, never following a
 * symlink (at is a directory fd or AT_FDCWD); adds the number of entries removed to *count. */
static int remove_tree(int at, const char *name, lua_Integer *count)
{
    if (unlinkat(at, name, 0) == 0) {
        ++*count;
        return 0;
    }
    if (errno != EISDIR && errno != EPERM)
        return errno;
    int fd = openat(at, name,
                    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOTDIR ? EPERM : errno;
    DIR *d = fdopendir(fd);
    if (!d) {
        int err = errno;
        close(fd);
        return err;
    }
    int err = 0;
    struct dirent *e;
    while (!err && (errno = 0, e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        err = remove_tree(dirfd(d), e->d_name, count);
    }
    if (!err && errno)
        err = errno;
    closedir(d);
    if (err)
        return err;
    if (unlinkat(at, name, AT_REMOVEDIR) != 0)
        return errno;
    ++*count;
    return 0;
}

static int fs_remove_all(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    lua_Integer count = 0;
    int err = remove_tree(AT_FDCWD, p, &count);
    if (err && err != ENOENT)
        return fs_raise(L, err, 1, 0);
    lua_pushinteger(L, count);
    return 1;
}

static int fs_rename(lua_State *L)
{
    const char *from = fs_arg(L, 1, "old_p");
    const char *to = fs_arg(L, 2, "new_p");
    if (rename(from, to) != 0)
        return fs_raise(L, errno, 1, 2);
    return 0;
}

static int fs_resize_file(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    lua_Integer size = emilua_check_integer(L, 2, "new_size");
    if (size < 0)
        return emilua_raise_einval_arg(L, 2);
    if (truncate(p, (off_t)size) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

static const struct {
    const char *name;
    int flag;
} open_flags[] = {
    {"append", O_APPEND},
    {"create", O_CREAT},
    {"directory", O_DIRECTORY},
    {"exclusive", O_EXCL},
    {"no_follow", O_NOFOLLOW},
    {"path", O_PATH},
    {"read_only", O_RDONLY},
    {"read_write", O_RDWR},
    {"sync_all_on_write", O_SYNC},
    {"temporary", O_TMPFILE},
    {"truncate", O_TRUNC},
    {"write_only", O_WRONLY},
};

/* open(path, flags[, mode]) -> file_descriptor; mode only with "create"
 * or "temporary", which need it. */
static int fs_open(lua_State *L)
{
    const char *p = fs_arg(L, 1, "path");
    emilua_check_type(L, 2, LUA_TTABLE, "flags");
    int flags = O_NOCTTY | O_CLOEXEC;
    size_t n = lua_objlen(L, 2);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, 2, (int)i);
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                       : "";
        size_t k = 0;
        while (k < sizeof open_flags / sizeof *open_flags &&
               strcmp(s, open_flags[k].name) != 0)
            k++;
        if (k == sizeof open_flags / sizeof *open_flags)
            return emilua_raise_einval_arg(L, 2);
        flags |= open_flags[k].flag;
        lua_pop(L, 1);
    }
    bool needs_mode = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
    mode_t mode = 0;
    if (needs_mode)
        mode = check_mode(L, 3);
    else if (!lua_isnoneornil(L, 3))
        return emilua_raise_einval_arg(L, 3);
    int fd = open(p, flags, mode);
    if (fd < 0)
        return fs_raise(L, errno, 1, 0);
    emilua_push_file_descriptor(L, fd);
    return 1;
}

static const emilua_reg ops_funcs[] = {
    {"create_directory", fs_create_directory, 0},
    {"create_directories", fs_create_directories, 0},
    {"mkdir", fs_mkdir, 0},
    {"create_hardlink", fs_create_hardlink, 0},
    {"create_symlink", fs_create_symlink, 0},
    {"create_directory_symlink", fs_create_symlink, 0},
    {"mkfifo", fs_mkfifo, 0},
    {"mknod", fs_mknod, 0},
    {"makedev", fs_makedev, 0},
    {"dev_major", fs_dev_major, 0},
    {"dev_minor", fs_dev_minor, 0},
    {"chmod", fs_chmod, 0},
    {"lchmod", fs_lchmod, 0},
    {"chown", fs_chown, 0},
    {"lchown", fs_lchown, 0},
    {"read_symlink", fs_read_symlink, 0},
    {"remove", fs_remove, 0},
    {"remove_all", fs_remove_all, 0},
    {"rename", fs_rename, 0},
    {"resize_file", fs_resize_file, 0},
    {"open", fs_open, 0},
    {NULL, NULL, 0},
};

void fs_open_ops(lua_State *L)
{
    emilua_set_funcs(L, "filesystem", ops_funcs);
}
