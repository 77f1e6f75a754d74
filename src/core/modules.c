/* require() and the module system.
 *
 * Every file is a module with its own environment (its globals are its
 * exports) and is evaluated once per VM, on the importing (main) fiber
 * itself: lua/fiber.lua runs the chunk that module_resolve() loads.  Relative ids follow the
 * module tree: a directory module (DIR/init.lua, and the root module) has
 * its children in DIR ("./x"); a file module (DIR/f.lua) is a leaf whose
 * siblings are "../x".  Each further "../" climbs one directory, never
 * above the root of the project or package.  "/x" starts at that root.
 * Other ids are builtin modules, then packages in EMILUA_PATH and the
 * install directory. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"

enum module_state { MOD_LOADING, MOD_LOADED, MOD_FAILED };

struct module {
    enum module_state state;
    char children_dir[PATH_MAX];  /* "./" base; "" for a leaf */
    char siblings_dir[PATH_MAX];  /* "../" base; "" for a root */
    char root[PATH_MAX];          /* project or package root */
    int result_ref;               /* exports, or the error */
};

static const emilua_udata_type module_type = {
    "module", NULL, NULL, NULL,
};

/* ---- paths ------------------------------------------------------------- */

static void dirname_of(const char *path, char *out)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        strcpy(out, ".");
    } else if (slash == path) {
        strcpy(out, "/");
    } else {
        size_t n = (size_t)(slash - path);
        memcpy(out, path, n);
        out[n] = '\0';
    }
}

/* A path inside the bundle: what follows "bundle:/", or NULL. */
static const char *in_bundle(const struct bundle *b, const char *path)
{
    size_t n = sizeof BUNDLE_PREFIX - 1;
    if (!b || strncmp(path, BUNDLE_PREFIX, n) != 0)
        return NULL;
    return path[n] == '/' ? path + n + 1 : path + n;
}

static bool is_regular_file(const struct bundle *b, const char *path)
{
    const char *name = in_bundle(b, path);
    if (name)
        return bundle_find(b, name) != NULL;
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_directory(const struct bundle *b, const char *path)
{
    const char *name = in_bundle(b, path);
    if (name)
        return *name == '\0';   /* the app's own directory */
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Finds BASE.lua or BASE/init.lua. */
static bool find_module_file(const struct bundle *b, const char *base,
                             char *out, bool *is_init)
{
    if (snprintf(out, PATH_MAX, "%s.lua", base) < PATH_MAX &&
        is_regular_file(b, out)) {
        *is_init = false;
        return true;
    }
    if (snprintf(out, PATH_MAX, "%s/init.lua", base) < PATH_MAX &&
        is_regular_file(b, out)) {
        *is_init = true;
        return true;
    }
    return false;
}

/* Checks the part of an id after its prefix: names separated by single
 * slashes, none of them "." or "..". */
static bool valid_name_path(const char *p)
{
    if (*p == '\0')
        return false;
    for (;;) {
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') ||
            (n == 2 && p[0] == '.' && p[1] == '.'))
            return false;
        if (!end)
            return true;
        p = end + 1;
    }
}

/* A package id outside the project: names of letters, digits, '_' and
 * '-' (not at either end of a name), separated by single slashes. */
static bool valid_package_id(const char *p)
{
    if (!valid_name_path(p))
        return false;
    for (const char *name = p; *name; ) {
        size_t n = strcspn(name, "/");
        if (name[0] == '-' || name[n - 1] == '-')
            return false;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)name[i];
            if (!(c == '_' || c == '-' || (c >= '0' && c <= '9') ||
                  ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
                return false;
        }
        name += n + (name[n] == '/');
    }
    return true;
}

/* Is dir inside (or equal to) root?  Both are built by joining, so a
 * textual prefix test is enough. */
static bool within(const char *dir, const char *root)
{
    if (strcmp(root, ".") == 0)   /* the entry was named relatively */
        return dir[0] != '/' && strcmp(dir, "..") != 0 &&
               strncmp(dir, "../", 3) != 0;
    size_t n = strlen(root);
    return strncmp(dir, root, n) == 0 && (dir[n] == '\0' || dir[n] == '/' ||
                                          strcmp(root, "/") == 0);
}

/* Resolves a relative or root id against the importer.  Returns 0 or an
 * emilua errc. */
static int resolve_relative(const struct module *from, const char *id,
                            char *base)
{
    char dir[PATH_MAX];
    const char *rest;
    if (id[0] == '/') {
        strcpy(dir, from->root);
        rest = id + 1;
    } else if (strncmp(id, "./", 2) == 0) {
        if (from->children_dir[0] == '\0')
            return EMILUA_ERRC_LEAF_HAS_NO_CHILDREN;
        strcpy(dir, from->children_dir);
        rest = id + 2;
    } else {
        if (from->siblings_dir[0] == '\0')
            return EMILUA_ERRC_IMPORT_ABOVE_ROOT;
        strcpy(dir, from->siblings_dir);
        rest = id + 3;
        while (strncmp(rest, "../", 3) == 0) {
            if (strcmp(dir, from->root) == 0)
                return EMILUA_ERRC_IMPORT_ABOVE_ROOT;
            char up[PATH_MAX];
            dirname_of(dir, up);
            strcpy(dir, up);
            rest += 3;
        }
        if (!within(dir, from->root))
            return EMILUA_ERRC_IMPORT_ABOVE_ROOT;
    }
    if (!valid_name_path(rest))
        return EMILUA_ERRC_BAD_MODULE_ID;
    if (strcmp(dir, ".") == 0)   /* keep paths in messages short */
        return snprintf(base, PATH_MAX, "%s", rest) >= PATH_MAX ?
               EMILUA_ERRC_BAD_MODULE_ID : 0;
    if ((size_t)snprintf(base, PATH_MAX, "%s/%s", dir, rest) >= PATH_MAX)
        return EMILUA_ERRC_BAD_MODULE_ID;
    return 0;
}

/* ---- loading ----------------------------------------------------------- */

/* Reads fd to its end; the caller frees *buf.  Returns 0 or -errno. */
static int read_all(int fd, char **buf, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *data = malloc(cap);
    for (;;) {
        if (!data)
            return -ENOMEM;
        if (n == cap) {
            char *bigger = realloc(data, cap *= 2);
            if (!bigger)
                free(data);
            data = bigger;
            continue;
        }
        ssize_t r = read(fd, data + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int err = -errno;
            free(data);
            return err;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *buf = data;
    *len = n;
    return 0;
}

static int read_file(const char *path, char **buf, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    int rc = read_all(fd, buf, len);
    close(fd);
    return rc;
}

/* Loads a Lua file as a chunk, skipping a "#!" first line but keeping its
 * newline so line numbers stay right.  Pushes the function or the error
 * message; returns the lua_load status, or -errno when unreadable. */
static int load_file(lua_State *L, const struct bundle *b,
                     const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    /* "-" is the program on stdin, the module named "stdin" */
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = in_bundle(b, path);
    const struct bundle_entry *e = name ? bundle_find(b, name) : NULL;
    int rc = is_stdin ? read_all(STDIN_FILENO, &buf, &len) :
             name ? (e ? bundle_read(b, e, &buf, &len) : -ENOENT) :
             read_file(path, &buf, &len);
    if (rc != 0)
        return rc;
    size_t skip = 0;
    if (len > 0 && buf[0] == '#')
        while (skip < len && buf[skip] != '\n')
            skip++;
    lua_pushfstring(L, is_stdin ? "=stdin" : "@%s", path);
    int status = luaL_loadbuffer(L, buf + skip, len - skip,
                                 lua_tostring(L, -1));
    lua_remove(L, -2);
    free(buf);
    return status;
}

/* Creates a module record on the stack, cached under key. */
static struct module *new_module(lua_State *L, emilua_vm *vm, const char *key)
{
    struct module *m = emilua_new_udata(L, &module_type, sizeof *m);
    memset(m, 0, sizeof *m);
    m->result_ref = LUA_NOREF;
    lua_rawgeti(L, LUA_REGISTRYINDEX, vm->ref.modules);
    lua_pushstring(L, key);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    return m;
}

/* Gives the function on top of L a fresh environment (its globals are
 * the module's exports) and leaves the environment above it. */
static void push_module_env(lua_State *L, emilua_vm *vm, const char *context)
{
    lua_newtable(L);
    lua_pushstring(L, context);
    lua_setfield(L, -2, "_CONTEXT");
    lua_rawgeti(L, LUA_REGISTRYINDEX, vm->ref.module_env_mt);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setfenv(L, -3);
}

/* _FILE: the module's file, as Emilua 0.6 programs (and the ipc_actor
 * tests) use it to spawn themselves in a subprocess. */
static void set_file_global(lua_State *L, const char *file)
{
    lua_pushstring(L, file);
    lua_setfield(L, -2, "_FILE");
}

/* ---- require ----------------------------------------------------------- */

static int raise_module_error(lua_State *L, int code, const char *id)
{
    emilua_push_error(L, &emilua_runtime_category, code);
    lua_pushstring(L, id);
    lua_setfield(L, -2, "module");
    return lua_error(L);
}

/* Pushes the cached value of a builtin module, opening it the first time. */
static int require_builtin(lua_State *L, emilua_vm *vm, const char *id)
{
    const emilua_builtin_module *b = emilua_builtin_modules;
    while (b->name && strcmp(b->name, id) != 0)
        b++;
    if (!b->name)
        return 0;
    if (b->open == emilua_open_inbox) {
        /* not cached: a VM that drops its inbox closes it */
        lua_pushcfunction(L, b->open);
        lua_call(L, 0, 1);
        return 1;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, vm->ref.modules);
    lua_pushfstring(L, "builtin:%s", id);
    lua_rawget(L, -2);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushcfunction(L, b->open);
        lua_call(L, 0, 1);
        lua_pushfstring(L, "builtin:%s", id);
        lua_pushvalue(L, -2);
        lua_rawset(L, -4);
    }
    lua_remove(L, -2);
    return 1;
}

/* Finds an external package; sets the record's directories. */
static bool find_package(emilua_process *p, const char *id, char *file,
                         struct module *tmpl)
{
    if (!valid_name_path(id))
        return false;
    for (size_t i = 0; i < p->n_module_dirs; i++) {
        char base[PATH_MAX];
        bool is_init;
        if ((size_t)snprintf(base, sizeof base, "%s/%s", p->module_dirs[i],
                             id) >= sizeof base)
            continue;
        if (find_module_file(p->bundle, base, file, &is_init)) {
            if (is_init) {
                strcpy(tmpl->children_dir, base);
                strcpy(tmpl->root, base);
            } else {
                dirname_of(file, tmpl->siblings_dir);
                strcpy(tmpl->root, tmpl->siblings_dir);
            }
            return true;
        }
    }
    return false;
}

/* Native for require() (lua/fiber.lua): resolves the id against the
 * module whose top level the fiber runs.  Returns (nil, value) when the
 * module is builtin or loaded, or (record, chunk, env) for the Lua half
 * to run the chunk on the importing fiber itself, as upstream does: same
 * this_fiber, same fiber-local storage. */
int native_module_resolve(lua_State *L)
{
    const char *id = emilua_check_string(L, 1, NULL, "module");
    emilua_vm *vm = emilua_vm_of(L);
    emilua_fiber *me = emilua_begin_suspend(L);
    struct module *from = me->module;
    if (!me->is_main || !from)
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_IMPORT_FROM_NON_MAIN_FIBER);

    bool relative = id[0] == '/' || strncmp(id, "./", 2) == 0 ||
                    strncmp(id, "../", 3) == 0;
    struct module tmpl;
    memset(&tmpl, 0, sizeof tmpl);
    char file[PATH_MAX];
    if (!relative) {
        lua_pushnil(L);
        if (require_builtin(L, vm, id))
            return 2;
        lua_pop(L, 1);
        if (!valid_package_id(id))
            return raise_module_error(L, EMILUA_ERRC_BAD_MODULE_ID, id);
        if (!find_package(vm->ctx->process, id, file, &tmpl))
            return raise_module_error(L, EMILUA_ERRC_MODULE_NOT_FOUND, id);
    } else {
        char base[PATH_MAX];
        int errc = resolve_relative(from, id, base);
        if (errc)
            return raise_module_error(L, errc, id);
        bool is_init;
        if (!find_module_file(vm->ctx->process->bundle, base, file,
                              &is_init))
            return raise_module_error(L, EMILUA_ERRC_MODULE_NOT_FOUND, id);
        strcpy(tmpl.root, from->root);
        if (is_init) {
            strcpy(tmpl.children_dir, base);
            dirname_of(base, tmpl.siblings_dir);
        } else {
            dirname_of(file, tmpl.siblings_dir);
        }
    }

    /* bundle paths are built of checked names: already canonical */
    const struct bundle *bundle = vm->ctx->process->bundle;
    char key[PATH_MAX];
    if (in_bundle(bundle, file))
        snprintf(key, sizeof key, "%s", file);
    else if (!realpath(file, key))
        return raise_module_error(L, EMILUA_ERRC_MODULE_NOT_FOUND, id);

    lua_rawgeti(L, LUA_REGISTRYINDEX, vm->ref.modules);
    lua_getfield(L, -1, key);
    struct module *m = lua_touserdata(L, -1);
    lua_pop(L, 2);
    if (m) {
        switch (m->state) {
        case MOD_LOADED:
            lua_pushnil(L);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m->result_ref);
            return 2;
        case MOD_FAILED:
            lua_rawgeti(L, LUA_REGISTRYINDEX, m->result_ref);
            return lua_error(L);
        case MOD_LOADING:   /* only the main fiber imports: a cycle */
            return raise_module_error(L, EMILUA_ERRC_CYCLIC_IMPORT, id);
        }
    }
    int status = load_file(L, bundle, file);
    if (status < 0) {
        emilua_push_errno(L, -status);
        lua_pushstring(L, file);
        lua_setfield(L, -2, "path");
        return lua_error(L);
    }
    if (status != 0)
        return lua_error(L);   /* the syntax error message */
    m = new_module(L, vm, key);
    memcpy(m->children_dir, tmpl.children_dir, sizeof m->children_dir);
    memcpy(m->siblings_dir, tmpl.siblings_dir, sizeof m->siblings_dir);
    memcpy(m->root, tmpl.root, sizeof m->root);
    m->state = MOD_LOADING;
    lua_insert(L, -2);
    /* _CONTEXT is not passed on to imported modules */
    push_module_env(L, vm, "");
    set_file_global(L, file);
    return 3;
}

/* Native: the fiber starts running the top level of module record 1.
 * Returns the module it ran before, to hand back to module_leave. */
int native_module_enter(lua_State *L)
{
    emilua_fiber *me = emilua_vm_of(L)->current;
    struct module *m = emilua_check_udata(L, 1, &module_type);
    lua_pushlightuserdata(L, me->module);
    me->module = m;
    return 1;
}

/* Native: module_leave(record, previous, ok, exports or error). */
int native_module_leave(lua_State *L)
{
    emilua_fiber *me = emilua_vm_of(L)->current;
    struct module *m = emilua_check_udata(L, 1, &module_type);
    me->module = lua_touserdata(L, 2);
    m->state = lua_toboolean(L, 3) ? MOD_LOADED : MOD_FAILED;
    lua_settop(L, 4);
    m->result_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

int open_require(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    lua_newtable(L);
    vm->ref.modules = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, LUA_GLOBALSINDEX);
    lua_setfield(L, -2, "__index");
    vm->ref.module_env_mt = luaL_ref(L, LUA_REGISTRYINDEX);
    /* the natives of require() (lua/fiber.lua) raise as "require" */
    emilua_name_func(L, native_module_resolve, NULL, NULL, "require");
    return 0;
}

/* ---- the entry module -------------------------------------------------- */

struct entry_args {
    const char *path;
    const char *context;
    const char *root;    /* an actor's: the program's root; else NULL */
};

static int load_entry(lua_State *L)
{
    struct entry_args *a = lua_touserdata(L, 1);
    emilua_vm *vm = emilua_vm_of(L);
    const struct bundle *bundle = vm->ctx->process->bundle;
    char file[PATH_MAX];
    if (!a->path) {   /* the prompt: a module in the current directory */
        repl_push_main(L);
        snprintf(file, sizeof file, "-");
        goto loaded;
    }
    bool appdir = strcmp(a->path, "-") != 0 &&
                  is_directory(bundle, a->path);
    if (appdir) {
        size_t n = strlen(a->path);
        while (n > 1 && a->path[n - 1] == '/')
            n--;
        if ((size_t)snprintf(file, sizeof file, "%.*s/init.lua", (int)n,
                             a->path) >= sizeof file)
            return luaL_error(L, "cannot open '%s': path too long", a->path);
    } else {
        snprintf(file, sizeof file, "%s", a->path);
    }
    int status = load_file(L, bundle, file);
    if (status < 0)
        return luaL_error(L, "cannot open '%s': %s", file, strerror(-status));
    if (status != 0)
        return lua_error(L);

loaded:;
    char key[PATH_MAX];
    if (strcmp(file, "-") == 0 || in_bundle(bundle, file) ||
        !realpath(file, key))
        snprintf(key, sizeof key, "%s", file);
    struct module *m = new_module(L, vm, key);
    lua_insert(L, -2);
    dirname_of(file, m->children_dir);   /* "." for stdin */
    strcpy(m->root, a->root ? a->root : m->children_dir);
    if (a->root)
        dirname_of(m->children_dir, m->siblings_dir);
    vm->entry_module = m;
    m->state = MOD_LOADING;
    push_module_env(L, vm, a->context);
    set_file_global(L, key);
    m->result_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    emilua_fiber *f = fiber_new(L, lua_gettop(L));
    f->joinable = 0;
    f->is_main = 1;
    f->module = m;
    vm->main_fiber = f;
    vm->id = f->co;
    lua_pop(L, 2);
    return 0;
}

/* Returns 0, or prints why the entry cannot run and returns non-zero. */
static int load_entry_args(emilua_vm *vm, struct entry_args a)
{
    lua_State *L = vm->L;
    lua_pushcfunction(L, load_entry);
    lua_pushlightuserdata(L, &a);
    if (lua_pcall(L, 1, 0, 0) != 0) {
        fprintf(stderr, "emilua: %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
        return 1;
    }
    return 0;
}

int modules_load_entry(emilua_vm *vm, const char *path, const char *context)
{
    return load_entry_args(vm, (struct entry_args){path, context, NULL});
}

int modules_load_actor(emilua_vm *vm, const char *file, const char *root)
{
    return load_entry_args(vm, (struct entry_args){file, "worker", root});
}

/* spawn_vm(id): '.' is the program's root module; relative ids start
 * from the calling module (or the VM's entry module outside a module's
 * main fiber); other ids are packages. */
int modules_find_actor(lua_State *L, const char *id, char *file, char *root)
{
    emilua_vm *vm = emilua_vm_of(L);
    emilua_process *p = vm->ctx->process;
    struct module *from = vm->entry_module;
    emilua_fiber *me = vm->current;
    if (me && me->module)
        from = me->module;
    if (strcmp(id, ".") == 0) {
        /* a program read from stdin or typed at the prompt has no file
         * to run again */
        if (!p->entry || strcmp(p->entry, "-") == 0)
            return EMILUA_ERRC_MODULE_NOT_FOUND;
        if (snprintf(file, PATH_MAX, "%s", p->entry) >= PATH_MAX)
            return EMILUA_ERRC_BAD_MODULE_ID;
        dirname_of(file, root);
        if (is_directory(p->bundle, file))
            snprintf(root, PATH_MAX, "%s", file);
        return 0;
    }
    bool relative = id[0] == '/' || strncmp(id, "./", 2) == 0 ||
                    strncmp(id, "../", 3) == 0;
    struct module tmpl;
    memset(&tmpl, 0, sizeof tmpl);
    bool is_init;
    if (!relative) {
        if (!find_package(p, id, file, &tmpl))
            return EMILUA_ERRC_MODULE_NOT_FOUND;
        strcpy(root, tmpl.root);
        return 0;
    }
    if (!from)
        return EMILUA_ERRC_MODULE_NOT_FOUND;
    char base[PATH_MAX];
    int errc = resolve_relative(from, id, base);
    if (errc)
        return errc;
    if (!find_module_file(p->bundle, base, file, &is_init))
        return EMILUA_ERRC_MODULE_NOT_FOUND;
    strcpy(root, from->root);
    return 0;
}
