/* require 'tls'.  The tls module and OpenSSL, linked into it, are a
 * shared object (emilua-tls.so) loaded on the first require: a
 * position-independent executable relocates every pointer of its data at
 * start-up, and libcrypto's 20k would be most of the start-up of a
 * program that never uses TLS.  With -Dtls_module=builtin (one file, no
 * loading) and in the C tests, the module is linked in and called
 * directly. */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <emilua/api.h>

#define TLS_SO "emilua-tls.so"

/* Defined when the module is linked in. */
int emilua_open_tls(lua_State *L) __attribute__((weak));

int emilua_open_tls_module(lua_State *L);

/* A bundle's own copy (`emilua bundle` stores it), loaded from memory:
 * the bundle must run where no other copy is, and must not pick up one
 * built for another runtime. */
static void *load_bundled(lua_State *L)
{
    char *buf;
    size_t len;
    emilua_process *p = emilua_vm_process(emilua_vm_of(L));
    if (emilua_bundle_runtime_file(p, TLS_SO, &buf, &len) != 0)
        return NULL;
    void *h = NULL;
    int fd = memfd_create(TLS_SO, MFD_CLOEXEC);
    size_t off = 0;
    while (fd >= 0 && off < len) {
        ssize_t w = write(fd, buf + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    if (fd >= 0 && off == len) {
        char path[64];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    }
    if (fd >= 0)
        close(fd);   /* the mapping keeps the object */
    free(buf);
    return h;
}

/* The bundled copy, then beside the binary or in the module directory. */
static void *load(lua_State *L)
{
    void *h = load_bundled(L);
    if (h)
        return h;
    char path[PATH_MAX];
    if (!emilua_find_runtime_module(TLS_SO, path, sizeof path))
        snprintf(path, sizeof path, "%s/%s", EMILUA_MODULE_DIR, TLS_SO);
    return dlopen(path, RTLD_NOW | RTLD_LOCAL);
}

int emilua_open_tls_module(lua_State *L)
{
    if (emilua_open_tls)
        return emilua_open_tls(L);
    void *h = load(L);   /* loaded once: later calls only count references */
    if (!h)
        return luaL_error(L, "tls: cannot load " TLS_SO ": %s", dlerror());
    lua_CFunction open;
    *(void **)&open = dlsym(h, "emilua_open_tls");
    if (!open)
        return luaL_error(L, "tls: %s", dlerror());
    return open(L);
}
