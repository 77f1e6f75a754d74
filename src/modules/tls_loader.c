/* require 'tls'.  The tls module and OpenSSL, linked into it, are a
 * shared object (emilua-tls.so) loaded on the first require: a
 * position-independent executable relocates every pointer of its data at
 * start-up, and libcrypto's 20k would be most of the start-up of a
 * program that never uses TLS.  With -Dtls_module=builtin (one file, no
 * loading) and in the C tests, the module is linked in and called
 * directly. */
#include <dlfcn.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include <emilua/api.h>

#define TLS_SO "emilua-tls.so"

/* Defined when the module is linked in. */
int emilua_open_tls(lua_State *L) __attribute__((weak));

int emilua_open_tls_module(lua_State *L);

/* Beside the binary (a build directory, a bundle's directory), then in
 * the module directory it was installed for. */
static void *load(void)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n > 0) {
        path[n] = '\0';
        char *slash = strrchr(path, '/');
        if (slash && (size_t)(slash + 1 - path) + sizeof TLS_SO <=
                         sizeof path) {
            memcpy(slash + 1, TLS_SO, sizeof TLS_SO);
            void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
            if (h)
                return h;
        }
    }
    return dlopen(EMILUA_MODULE_DIR "/" TLS_SO, RTLD_NOW | RTLD_LOCAL);
}

int emilua_open_tls_module(lua_State *L)
{
    if (emilua_open_tls)
        return emilua_open_tls(L);
    void *h = load();   /* loaded once: later calls only count references */
    if (!h)
        return luaL_error(L, "tls: cannot load " TLS_SO ": %s", dlerror());
    lua_CFunction open;
    *(void **)&open = dlsym(h, "emilua_open_tls");
    if (!open)
        return luaL_error(L, "tls: %s", dlerror());
    return open(L);
}
