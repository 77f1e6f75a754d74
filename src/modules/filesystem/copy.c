/* copy_file, copy_symlink and copy, with the option semantics of
 * std::filesystem::copy_options.  File contents move with
 * copy_file_range(2) (in the kernel, reflinks where the filesystem has
 * them), falling back to read/write across filesystems that refuse it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fs_module.h"

enum existing { EX_ERROR, EX_SKIP, EX_OVERWRITE, EX_UPDATE };
enum symlinks { SL_FOLLOW, SL_COPY, SL_SKIP };
enum copy_mode { CM_CONTENT, CM_DIRECTORIES_ONLY, CM_SYMLINKS, CM_HARDLINKS };

struct copy_opts {
    enum existing existing;
    bool recursive;
    enum symlinks symlinks;
    enum copy_mode mode;
};

/* Where a copy failed: the two paths of the failing step. */
struct copy_failure {
    char *from, *to;
};

static int fail(struct copy_failure *f, int err, const char *from,
                const char *to)
{
    if (f && !f->from) {
        f->from = strdup(from);
        f->to = to ? strdup(to) : NULL;
    }
    return err;
}

static int copy_bytes(int in, int out)
{
    for (;;) {
        ssize_t n = copy_file_range(in, NULL, out, NULL, SSIZE_MAX >> 1, 0);
        if (n == 0)
            return 0;
        if (n > 0)
            continue;
        if (errno == EINTR)
            continue;
        if (errno != EXDEV && errno != ENOSYS && errno != EOPNOTSUPP &&
            errno != EINVAL)
            return errno;
        break;
    }
    char buf[65536];
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n == 0)
            return 0;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(out, buf + off, (size_t)(n - off));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                return errno;
            }
            off += w;
        }
    }
}

static bool older(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec ||
           (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* 0 or a positive errno; *copied tells whether bytes were copied. */
static int copy_file(const char *from, const char *to, enum existing ex,
                     bool *copied)
{
    *copied = false;
    struct stat fst, tst;
    int err = fs_stat(from, &fst, true);
    if (err)
        return err;
    if (!S_ISREG(fst.st_mode))
        return EINVAL;
    err = fs_stat(to, &tst, true);
    bool exists = err == 0;
    if (err && err != ENOENT)
        return err;
    if (exists) {
        if (fst.st_dev == tst.st_dev && fst.st_ino == tst.st_ino)
            return EEXIST;
        if (!S_ISREG(tst.st_mode))
            return EINVAL;
        if (ex == EX_ERROR)
            return EEXIST;
        if (ex == EX_SKIP ||
            (ex == EX_UPDATE && !older(&tst.st_mtim, &fst.st_mtim)))
            return 0;
    }
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return errno;
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC |
                       (exists ? 0 : O_EXCL), fst.st_mode & 07777);
    if (out < 0) {
        err = errno;
        close(in);
        return err;
    }
    err = copy_bytes(in, out);
    if (!err && exists && fchmod(out, fst.st_mode & 07777) != 0)
        err = errno;
    close(in);
    if (close(out) != 0 && !err)
        err = errno;
    *copied = err == 0;
    return err;
}

static int copy_symlink(const char *from, const char *to)
{
    char buf[PATH_MAX + 1];
    ssize_t n = readlink(from, buf, sizeof buf);
    if (n < 0)
        return errno;
    if ((size_t)n == sizeof buf)
        return ENAMETOOLONG;
    buf[n] = '\0';
    return symlink(buf, to) == 0 ? 0 : errno;
}

static char *join(const char *dir, const char *name)
{
    size_t dn = strlen(dir), nn = strlen(name);
    bool sep = dn > 0 && dir[dn - 1] != '/';
    char *r = malloc(dn + sep + nn + 1);
    if (r) {
        memcpy(r, dir, dn);
        if (sep)
            r[dn] = '/';
        memcpy(r + dn + sep, name, nn + 1);
    }
    return r;
}

static const char *base_name(const char *p)
{
    const char *slash = strrchr(p, '/');
    return slash ? slash + 1 : p;
}

/* std::filesystem::copy's steps; `nested` is its in-recursive-copy
 * bit, which keeps a non-recursive copy from entering subdirectories. */
static int copy_any(const char *from, const char *to,
                    const struct copy_opts *o, bool nested,
                    struct copy_failure *f)
{
    bool follow = o->symlinks == SL_FOLLOW && o->mode != CM_SYMLINKS;
    struct stat fst, tst;
    int err = fs_stat(from, &fst, follow);
    if (err)
        return fail(f, err, from, to);
    int terr = fs_stat(to, &tst, follow);
    if (terr && !fs_is_not_found(terr))
        return fail(f, terr, from, to);
    bool texists = terr == 0;
    if (texists && fst.st_dev == tst.st_dev && fst.st_ino == tst.st_ino)
        return fail(f, EEXIST, from, to);
    mode_t ft = fst.st_mode & S_IFMT, tt = texists ? tst.st_mode & S_IFMT : 0;
    bool f_other = ft != S_IFREG && ft != S_IFDIR && ft != S_IFLNK;
    bool t_other = texists && tt != S_IFREG && tt != S_IFDIR && tt != S_IFLNK;
    if (f_other || t_other)
        return fail(f, EINVAL, from, to);
    if (ft == S_IFDIR && tt == S_IFREG)
        return fail(f, EISDIR, from, to);

    if (ft == S_IFLNK) {
        if (o->symlinks == SL_SKIP)
            return 0;
        if (!texists && o->symlinks == SL_COPY)
            err = copy_symlink(from, to);
        else
            err = texists ? EEXIST : EINVAL;
        return err ? fail(f, err, from, to) : 0;
    }
    if (ft == S_IFREG) {
        bool copied;
        switch (o->mode) {
        case CM_DIRECTORIES_ONLY:
            return 0;
        case CM_SYMLINKS:
            err = symlink(from, to) == 0 ? 0 : errno;
            break;
        case CM_HARDLINKS:
            err = link(from, to) == 0 ? 0 : errno;
            break;
        case CM_CONTENT:
            if (tt == S_IFDIR) {
                char *dest = join(to, base_name(from));
                if (!dest)
                    return fail(f, ENOMEM, from, to);
                err = copy_file(from, dest, o->existing, &copied);
                if (err)
                    fail(f, err, from, dest);
                free(dest);
                return err;
            }
            err = copy_file(from, to, o->existing, &copied);
            break;
        }
        return err ? fail(f, err, from, to) : 0;
    }
    if (o->mode == CM_SYMLINKS)
        return fail(f, EISDIR, from, to);
    bool plain = o->existing == EX_ERROR && !o->recursive &&
                 o->symlinks == SL_FOLLOW && o->mode == CM_CONTENT && !nested;
    if (!o->recursive && !plain)
        return 0;
    if (!texists && mkdir(to, fst.st_mode & 07777) != 0)
        return fail(f, errno, from, to);
    DIR *d = opendir(from);
    if (!d)
        return fail(f, errno, from, to);
    struct dirent *e;
    while (!err && (errno = 0, e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *a = join(from, e->d_name), *b = join(to, e->d_name);
        err = a && b ? copy_any(a, b, o, true, f) : fail(f, ENOMEM, from, to);
        free(a);
        free(b);
    }
    if (!err && errno)
        err = fail(f, errno, from, to);
    closedir(d);
    return err;
}

static enum existing check_existing(lua_State *L, int idx, int argn)
{
    if (lua_isnoneornil(L, idx))
        return EX_ERROR;
    const char *s = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx)
                                                    : "";
    if (strcmp(s, "skip") == 0)
        return EX_SKIP;
    if (strcmp(s, "overwrite") == 0)
        return EX_OVERWRITE;
    if (strcmp(s, "update") == 0)
        return EX_UPDATE;
    emilua_raise_einval_arg(L, argn);
    return EX_ERROR;
}

/* Raises err with the failing step's paths (or the arguments'). */
static int raise_copy(lua_State *L, int err, struct copy_failure *f)
{
    if (!f || !f->from)
        return fs_raise(L, err, 1, 2);
    emilua_push_path(L, f->from, strlen(f->from));
    if (f->to)
        emilua_push_path(L, f->to, strlen(f->to));
    else
        lua_pushvalue(L, 2);
    free(f->from);
    free(f->to);
    return fs_raise(L, err, -2, -1);
}

static int fs_copy_file(lua_State *L)
{
    const char *from = fs_arg(L, 1, "from");
    const char *to = fs_arg(L, 2, "to");
    enum existing ex = check_existing(L, 3, 3);
    bool copied;
    int err = copy_file(from, to, ex, &copied);
    if (err)
        return fs_raise(L, err, 1, 2);
    lua_pushboolean(L, copied);
    return 1;
}

static int fs_copy_symlink(lua_State *L)
{
    const char *from = fs_arg(L, 1, "from");
    const char *to = fs_arg(L, 2, "to");
    int err = copy_symlink(from, to);
    if (err)
        return fs_raise(L, err, 1, 2);
    return 0;
}

static int field_choice(lua_State *L, const char *field,
                        const char *const *names)
{
    lua_getfield(L, 3, field);
    int r = 0;
    if (!lua_isnil(L, -1)) {
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                       : "";
        for (r = 1; names[r - 1] && strcmp(s, names[r - 1]) != 0; r++)
            ;
        if (!names[r - 1])
            emilua_raise_einval_arg(L, 3);
    }
    lua_pop(L, 1);
    return r;
}

static int fs_copy(lua_State *L)
{
    const char *from = fs_arg(L, 1, "from");
    const char *to = fs_arg(L, 2, "to");
    struct copy_opts o = {EX_ERROR, false, SL_FOLLOW, CM_CONTENT};
    if (!lua_isnoneornil(L, 3)) {
        emilua_check_type(L, 3, LUA_TTABLE, "opts");
        lua_getfield(L, 3, "existing");
        o.existing = check_existing(L, -1, 3);
        lua_pop(L, 1);
        lua_getfield(L, 3, "recursive");
        if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
            return emilua_raise_einval_arg(L, 3);
        o.recursive = lua_toboolean(L, -1);
        lua_pop(L, 1);
        static const char *const sl[] = {"copy", "skip", NULL};
        o.symlinks = (enum symlinks)field_choice(L, "symlinks", sl);
        static const char *const cm[] = {"directories_only",
                                         "create_symlinks",
                                         "create_hardlinks", NULL};
        o.mode = (enum copy_mode)field_choice(L, "copy", cm);
    }
    struct copy_failure f = {NULL, NULL};
    int err = copy_any(from, to, &o, false, &f);
    if (err)
        return raise_copy(L, err, &f);
    return 0;
}

static const emilua_reg copy_funcs[] = {
    {"copy", fs_copy, 0},
    {"copy_file", fs_copy_file, 0},
    {"copy_symlink", fs_copy_symlink, 0},
    {NULL, NULL, 0},
};

void fs_open_copy(lua_State *L)
{
    emilua_set_funcs(L, "filesystem", copy_funcs);
}
