/* Paths resolved against the filesystem: absolute, canonical,
 * weakly_canonical, relative, proximate; the working and root
 * directories of the process; the temporary directory. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>

#include "fs_module.h"
#include "path_lexical.h"

/* Pushes the cwd as a path, or returns a positive errno. */
static int push_cwd(lua_State *L)
{
    char stackbuf[PATH_MAX];
    char *buf = stackbuf;
    size_t cap = sizeof stackbuf;
    while (!getcwd(buf, cap)) {
        int err = errno;
        if (buf != stackbuf)
            free(buf);
        if (err != ERANGE)
            return err;
        cap *= 2;
        if (!(buf = malloc(cap)))
            return ENOMEM;
    }
    emilua_push_path(L, buf, strlen(buf));
    if (buf != stackbuf)
        free(buf);
    return 0;
}

static void need_cwd(lua_State *L)
{
    int err = push_cwd(L);
    if (err)
        fs_raise(L, err, 0, 0);
}

/* getcwd() / p; an empty p is EINVAL, as in libstdc++. */
static int fs_absolute(lua_State *L)
{
    size_t n;
    const char *p = emilua_check_path(L, 1, "p", &n);
    if (n == 0)
        return fs_raise(L, EINVAL, 1, 0);
    if (fs_has_root(p, n)) {
        lua_settop(L, 1);
        return 1;
    }
    need_cwd(L);
    size_t cn;
    const char *cwd = emilua_test_path(L, -1, &cn);
    fs_push_join(L, cwd, cn, p, n);
    return 1;
}

/* Pushes realpath(p) or returns a positive errno. */
static int push_realpath(lua_State *L, const char *p)
{
    char *r = realpath(p, NULL);
    if (!r)
        return errno;
    emilua_push_path(L, r, strlen(r));
    free(r);
    return 0;
}

static int fs_canonical(lua_State *L)
{
    int err = push_realpath(L, fs_arg(L, 1, "p"));
    if (err)
        return fs_raise(L, err, 1, 0);
    return 1;
}

/* realpath() of the longest prefix (in elements) that exists, the rest
 * appended, the whole made lexically normal. */
static void push_weakly_canonical(lua_State *L, int idx)
{
    size_t n;
    const char *p = emilua_test_path(L, idx, &n);
    char *prefix = malloc(n + 1);
    if (!prefix)
        fs_raise(L, ENOMEM, idx, 0);
    size_t cursor = 0, end = 0;
    struct fs_elem e;
    bool found = false;
    size_t found_end = 0;
    while (fs_next_elem(p, n, &cursor, &e)) {
        end = e.pos + e.len;
        memcpy(prefix, p, end);
        prefix[end] = '\0';
        if (end == 0 || access(prefix, F_OK) != 0)
            break;
        found = true;
        found_end = end;
    }
    int err = 0;
    if (found) {
        memcpy(prefix, p, found_end);
        prefix[found_end] = '\0';
        err = push_realpath(L, prefix);
    }
    free(prefix);
    if (err)
        fs_raise(L, err, idx, 0);
    if (!found) {
        fs_push_normal(L, p, n);
        return;
    }
    size_t rn;
    const char *r = emilua_test_path(L, -1, &rn);
    size_t rest = found_end;
    while (rest < n && p[rest] == '/')
        rest++;
    /* the rest, or the empty name that keeps a trailing separator */
    if (found_end < n) {
        fs_push_join(L, r, rn, p + rest, n - rest);
        lua_remove(L, -2);
        r = emilua_test_path(L, -1, &rn);
    }
    fs_push_normal(L, r, rn);
    lua_remove(L, -2);
}

static int fs_weakly_canonical(lua_State *L)
{
    fs_arg(L, 1, "p");
    push_weakly_canonical(L, 1);
    return 1;
}

/* weakly_canonical(p) relative to weakly_canonical(base), base the cwd
 * by default. */
static int relative(lua_State *L, bool proximate)
{
    fs_arg(L, 1, "p");
    if (lua_isnoneornil(L, 2)) {
        lua_settop(L, 1);
        need_cwd(L);
    } else {
        fs_arg(L, 2, "base");
        lua_settop(L, 2);
    }
    push_weakly_canonical(L, 1);
    push_weakly_canonical(L, 2);
    size_t n, bn;
    const char *p = emilua_test_path(L, 3, &n);
    const char *b = emilua_test_path(L, 4, &bn);
    fs_push_relative(L, p, n, b, bn, proximate);
    return 1;
}

static int fs_relative(lua_State *L)
{
    return relative(L, false);
}

static int fs_proximate(lua_State *L)
{
    return relative(L, true);
}

/* () gets the cwd; (path|file_descriptor) sets it, master VM only. */
static int fs_current_working_directory(lua_State *L)
{
    if (lua_isnone(L, 1)) {
        need_cwd(L);
        return 1;
    }
    if (emilua_test_path(L, 1, NULL)) {
        const char *p = fs_arg(L, 1, "p");
        fs_check_master(L);
        if (chdir(p) != 0)
            return fs_raise(L, errno, 1, 0);
        return 0;
    }
    int fd = emilua_check_file_descriptor(L, 1, "p");
    fs_check_master(L);
    if (fchdir(fd) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int fs_chroot(lua_State *L)
{
    const char *p = fs_arg(L, 1, "p");
    fs_check_master(L);
    if (chroot(p) != 0)
        return fs_raise(L, errno, 1, 0);
    return 0;
}

/* The first of TMPDIR, TMP, TEMP, TEMPDIR that is set and not empty,
 * else /tmp; it must be a directory (as libstdc++ decides). */
static int fs_temp_directory_path(lua_State *L)
{
    static const char *const vars[] = {"TMPDIR", "TMP", "TEMP", "TEMPDIR"};
    const char *dir = NULL;
    for (size_t i = 0; !dir && i < sizeof vars / sizeof *vars; i++) {
        dir = getenv(vars[i]);
        if (dir && !*dir)
            dir = NULL;
    }
    if (!dir)
        dir = "/tmp";
    emilua_push_path(L, dir, strlen(dir));
    struct stat st;
    int err = fs_stat(dir, &st, true);
    if (!err && !S_ISDIR(st.st_mode))
        err = ENOTDIR;
    if (err)
        return fs_raise(L, err, -1, 0);
    return 1;
}

static const emilua_reg resolve_funcs[] = {
    {"absolute", fs_absolute, 0},
    {"canonical", fs_canonical, 0},
    {"weakly_canonical", fs_weakly_canonical, 0},
    {"relative", fs_relative, 0},
    {"proximate", fs_proximate, 0},
    {"current_working_directory", fs_current_working_directory, 0},
    {"chroot", fs_chroot, 0},
    {"temp_directory_path", fs_temp_directory_path, 0},
    {NULL, NULL, 0},
};

void fs_open_resolve(lua_State *L)
{
    emilua_set_funcs(L, "filesystem", resolve_funcs);
}
