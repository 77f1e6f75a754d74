/* `emilua bundle APPDIR -o FILE`: one executable made of this runtime
 * and the app (bundle_format.h).  Lua files go in as LuaJIT bytecode,
 * compiled here so that a syntax error stops the bundle, not its user;
 * every other file goes in as it is.  Names starting with '.' (.git) are
 * left out. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "bundle_format.h"
#include "core.h"

struct out {
    int fd;
    uint64_t at;             /* bytes written so far */
    unsigned char *index;
    size_t index_len, index_cap;
    uint64_t count;
    const char *file;
    lua_State *L;            /* compiles the Lua files */
};

static int write_all(struct out *o, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t w = write(o->fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -errno;
        p += w;
        len -= (size_t)w;
        o->at += (uint64_t)w;
    }
    return 0;
}

static int index_add(struct out *o, const char *path, uint64_t off,
                     uint64_t size)
{
    uint32_t len = (uint32_t)strlen(path);
    size_t need = o->index_len + 20 + len;
    if (need > o->index_cap) {
        size_t cap = o->index_cap ? o->index_cap : 4096;
        while (cap < need)
            cap *= 2;
        unsigned char *ix = realloc(o->index, cap);
        if (!ix)
            return -ENOMEM;
        o->index = ix;
        o->index_cap = cap;
    }
    unsigned char *e = o->index + o->index_len;
    memcpy(e, &off, 8);
    memcpy(e + 8, &size, 8);
    memcpy(e + 16, &len, 4);
    memcpy(e + 20, path, len);
    o->index_len = need;
    o->count++;
    return 0;
}

static int read_whole(const char *path, char **buf, size_t *len)
{
    FILE *f = fopen(path, "rbe");
    if (!f)
        return -errno;
    size_t cap = 4096, n = 0;
    char *data = malloc(cap);
    while (data) {
        n += fread(data + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *bigger = realloc(data, cap *= 2);
        if (!bigger)
            free(data);
        data = bigger;
    }
    int err = !data ? ENOMEM : ferror(f) ? EIO : 0;
    fclose(f);
    if (err) {
        free(data);
        return -err;
    }
    *buf = data;
    *len = n;
    return 0;
}

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    return write_all(ud, p, sz) != 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Appends one file: bytecode for Lua, the bytes for anything else. */
static int add_file(struct out *o, const char *full, const char *rel)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = read_whole(full, &buf, &len);
    if (rc != 0) {
        fprintf(stderr, "emilua bundle: %s: %s\n", full, strerror(-rc));
        return 1;
    }
    uint64_t start = o->at;
    if (ends_with(rel, ".lua")) {
        size_t skip = 0;   /* a "#!" line, its newline kept for the lines */
        if (len > 0 && buf[0] == '#')
            while (skip < len && buf[skip] != '\n')
                skip++;
        char name[PATH_MAX + 16];
        snprintf(name, sizeof name, "@" BUNDLE_PREFIX "/%s", rel);
        if (luaL_loadbuffer(o->L, buf + skip, len - skip, name) != 0) {
            fprintf(stderr, "emilua bundle: %s: %s\n", full,
                    lua_tostring(o->L, -1));
            lua_pop(o->L, 1);
            free(buf);
            return 1;
        }
        rc = lua_dump(o->L, dump_writer, o) != 0 ? -EIO : 0;
        lua_pop(o->L, 1);
    } else {
        rc = write_all(o, buf, len);
    }
    free(buf);
    if (rc == 0)
        rc = index_add(o, rel, start, o->at - start);
    if (rc != 0) {
        fprintf(stderr, "emilua bundle: %s: %s\n", o->file, strerror(-rc));
        return 1;
    }
    return 0;
}

static int skip_hidden(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

/* Adds the files under dir (rel: its path inside the app, "" at the top),
 * in name order so that the same app makes the same bundle. */
static int add_dir(struct out *o, const char *dir, const char *rel)
{
    struct dirent **names;
    int n = scandir(dir, &names, skip_hidden, alphasort);
    if (n < 0) {
        fprintf(stderr, "emilua bundle: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char full[PATH_MAX], sub[PATH_MAX];
        struct stat st;
        if (rc == 0 &&
            ((size_t)snprintf(full, sizeof full, "%s/%s", dir,
                              names[i]->d_name) >= sizeof full ||
             (size_t)snprintf(sub, sizeof sub, "%s%s%s", rel,
                              *rel ? "/" : "", names[i]->d_name) >=
             sizeof sub)) {
            fprintf(stderr, "emilua bundle: %s: path too long\n", dir);
            rc = 1;
        }
        if (rc == 0 && stat(full, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                rc = add_dir(o, full, sub);
            else if (S_ISREG(st.st_mode))
                rc = add_file(o, full, sub);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Copies the runtime part of this executable (all of it, unless it is a
 * bundle itself). */
static int copy_runtime(struct out *o)
{
    int in = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -errno;
    uint64_t size = (uint64_t)lseek(in, 0, SEEK_END);
    struct bundle_trailer t;
    if (size >= sizeof t &&
        pread(in, &t, sizeof t, (off_t)(size - sizeof t)) == sizeof t &&
        memcmp(t.magic, BUNDLE_MAGIC, sizeof t.magic) == 0 &&
        t.runtime_size <= size)
        size = t.runtime_size;
    int rc = 0;
    char buf[65536];
    for (uint64_t off = 0; off < size && rc == 0; ) {
        size_t want = size - off < sizeof buf ? size - off : sizeof buf;
        ssize_t r = pread(in, buf, want, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            rc = r < 0 ? -errno : -EIO;
        else
            rc = write_all(o, buf, (size_t)r);
        off += r > 0 ? (uint64_t)r : 0;
    }
    close(in);
    return rc;
}

/* The runtime's modules built as shared objects travel in the bundle
 * (under a dot-directory no app file can take), so it runs where no
 * other copy is installed.  One linked into the runtime has no file. */
static int add_runtime_modules(struct out *o)
{
    static const char *const names[] = {"emilua-tls.so"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char full[PATH_MAX], rel[64];
        if (!emilua_find_runtime_module(names[i], full, sizeof full))
            continue;
        snprintf(rel, sizeof rel, EMILUA_BUNDLE_RUNTIME_DIR "%s", names[i]);
        if (add_file(o, full, rel) != 0)
            return 1;
    }
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: emilua bundle APPDIR -o FILE\n"
            "Try 'emilua --help' for more information.\n");
    return 2;
}

int bundle_command(int argc, char **argv)
{
    const char *appdir = NULL, *file = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && !file)
            file = argv[++i];
        else if (argv[i][0] != '-' && !appdir)
            appdir = argv[i];
        else
            return usage();
    }
    if (!appdir || !file)
        return usage();
    char init[PATH_MAX];
    struct stat st;
    snprintf(init, sizeof init, "%s/init.lua", appdir);
    if (stat(init, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "emilua bundle: %s: not an app directory (no "
                "init.lua)\n", appdir);
        return 1;
    }

    struct out o = {.file = file};
    o.fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
    if (o.fd < 0) {
        fprintf(stderr, "emilua bundle: %s: %s\n", file, strerror(errno));
        return 1;
    }
    o.L = luaL_newstate();
    int rc = o.L ? copy_runtime(&o) : -ENOMEM;
    if (rc != 0)
        fprintf(stderr, "emilua bundle: %s: %s\n", file, strerror(-rc));
    uint64_t runtime_size = o.at;
    int status = rc != 0 ? 1 : add_dir(&o, appdir, "");
    if (status == 0)
        status = add_runtime_modules(&o);
    if (status == 0) {
        struct bundle_trailer t = {
            .runtime_size = runtime_size, .index_offset = o.at,
            .index_size = o.index_len, .count = o.count,
        };
        memcpy(t.magic, BUNDLE_MAGIC, sizeof t.magic);
        rc = write_all(&o, o.index, o.index_len);
        if (rc == 0)
            rc = write_all(&o, &t, sizeof t);
        mode_t mask = umask(0);   /* an old FILE keeps its mode: set it */
        umask(mask);
        if (rc == 0 && fchmod(o.fd, 0755 & ~mask) != 0)
            rc = -errno;
        if (rc != 0) {
            fprintf(stderr, "emilua bundle: %s: %s\n", file, strerror(-rc));
            status = 1;
        }
    }
    if (close(o.fd) != 0 && status == 0) {
        fprintf(stderr, "emilua bundle: %s: %s\n", file, strerror(errno));
        status = 1;
    }
    if (status != 0)
        unlink(file);
    if (o.L)
        lua_close(o.L);
    free(o.index);
    return status;
}
