/* Reading the app a bundle carries, in place: the runtime finds it at
 * the end of its own executable, keeps the index in memory and reads
 * each file with pread() when require() loads it.  Nothing is extracted. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle_format.h"
#include "core.h"

static int pread_all(int fd, void *buf, size_t len, uint64_t off)
{
    char *p = buf;
    while (len > 0) {
        ssize_t r = pread(fd, p, len, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -errno;
        if (r == 0)
            return -EIO;   /* the file is shorter than its index says */
        p += r;
        len -= (size_t)r;
        off += (uint64_t)r;
    }
    return 0;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const struct bundle_entry *)a)->path,
                  ((const struct bundle_entry *)b)->path);
}

/* Parses the index; false when it does not hold together. */
static bool parse_index(struct bundle *b, const unsigned char *ix,
                        uint64_t size, uint64_t count, uint64_t data_end)
{
    if (count > size / 20)
        return false;
    b->entries = calloc(count ? count : 1, sizeof *b->entries);
    b->paths = malloc(size + 1);
    if (!b->entries || !b->paths)
        return false;
    uint64_t at = 0;
    char *names = b->paths;
    for (b->n = 0; b->n < count; b->n++) {
        struct bundle_entry *e = &b->entries[b->n];
        uint32_t len;
        if (size - at < 20)
            return false;
        memcpy(&e->offset, ix + at, 8);
        memcpy(&e->size, ix + at + 8, 8);
        memcpy(&len, ix + at + 16, 4);
        at += 20;
        if (len == 0 || size - at < len || e->offset > data_end ||
            e->size > data_end - e->offset)
            return false;
        memcpy(names, ix + at, len);
        names[len] = '\0';
        e->path = names;
        names += len + 1;
        at += len;
    }
    return at == size;
}

void bundle_close(struct bundle *b)
{
    if (b->fd >= 0)
        close(b->fd);
    free(b->entries);
    free(b->paths);
    free(b);
}

struct bundle *bundle_open_self(void)
{
    int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    off_t end = lseek(fd, 0, SEEK_END);
    struct bundle_trailer t;
    if (end < TRAILER_SIZE ||
        pread_all(fd, &t, sizeof t, (uint64_t)end - sizeof t) != 0 ||
        memcmp(t.magic, BUNDLE_MAGIC, sizeof t.magic) != 0) {
        close(fd);
        return NULL;   /* a plain runtime: the usual case */
    }
    uint64_t data_end = (uint64_t)end - sizeof t;
    struct bundle *b = calloc(1, sizeof *b);
    unsigned char *ix = NULL;
    if (b)
        b->fd = fd;
    if (!b || t.index_offset > data_end ||
        t.index_size > data_end - t.index_offset ||
        t.index_size > (64u << 20))
        goto bad;
    ix = malloc(t.index_size ? t.index_size : 1);
    if (!ix || pread_all(fd, ix, t.index_size, t.index_offset) != 0 ||
        !parse_index(b, ix, t.index_size, t.count, t.index_offset))
        goto bad;
    free(ix);
    qsort(b->entries, b->n, sizeof *b->entries, by_path);
    return b;
bad:
    free(ix);
    if (b)
        bundle_close(b);
    else
        close(fd);
    return NULL;
}

const struct bundle_entry *bundle_find(const struct bundle *b,
                                       const char *name)
{
    if (!b)
        return NULL;
    struct bundle_entry key = {.path = name};
    return bsearch(&key, b->entries, b->n, sizeof *b->entries, by_path);
}

int bundle_read(const struct bundle *b, const struct bundle_entry *e,
                char **buf, size_t *len)
{
    char *data = malloc(e->size ? e->size : 1);
    if (!data)
        return -ENOMEM;
    int rc = pread_all(b->fd, data, e->size, e->offset);
    if (rc != 0) {
        free(data);
        return rc;
    }
    *buf = data;
    *len = e->size;
    return 0;
}

int emilua_bundle_runtime_file(emilua_process *p, const char *name,
                               char **buf, size_t *len)
{
    char path[256];
    if ((size_t)snprintf(path, sizeof path, EMILUA_BUNDLE_RUNTIME_DIR "%s",
                         name) >= sizeof path)
        return -ENAMETOOLONG;
    const struct bundle_entry *e = bundle_find(p->bundle, path);
    if (!e)
        return -ENOENT;
    return bundle_read(p->bundle, e, buf, len);
}

bool emilua_find_runtime_module(const char *name, char *path, size_t len)
{
    ssize_t n = readlink("/proc/self/exe", path, len - 1);
    if (n > 0) {
        path[n] = '\0';
        char *slash = strrchr(path, '/');
        if (slash) {
            size_t dir = (size_t)(slash + 1 - path);
            if ((size_t)snprintf(path + dir, len - dir, "%s", name) <
                    len - dir && access(path, R_OK) == 0)
                return true;
        }
    }
    return (size_t)snprintf(path, len, "%s/%s", EMILUA_MODULE_DIR, name) <
               len && access(path, R_OK) == 0;
}
