/* directory_entry, directory_iterator and recursive_directory_iterator.
 * An entry caches what stat and lstat say the first time it is asked
 * (refresh() asks again).  Directories are read with readdir(3); the
 * recursive walk keeps one open DIR per level. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fs_module.h"
#include "path_lexical.h"

/* ---- directory_entry -------------------------------------------------- */

struct entry {
    bool have_st, have_lst;
    int st_err, lst_err;        /* positive errnos */
    struct stat st, lst;
    size_t len;
    char path[];
};

static const emilua_udata_type entry_type;

/* Pushes the entry dir / name. */
static void push_entry(lua_State *L, const char *dir, size_t dn,
                       const char *name)
{
    size_t nn = strlen(name);
    struct entry *e = emilua_new_udata(L, &entry_type,
                                       sizeof *e + dn + nn + 2);
    memset(e, 0, sizeof *e);
    e->len = fs_join(dir, dn, name, nn, e->path);
    e->path[e->len] = '\0';
}

static void refresh(struct entry *e)
{
    e->st_err = fs_stat(e->path, &e->st, true);
    e->lst_err = fs_stat(e->path, &e->lst, false);
    e->have_st = e->have_lst = true;
}

static struct entry *check_entry(lua_State *L)
{
    return emilua_check_udata(L, 1, &entry_type);
}

static int entry_refresh(lua_State *L)
{
    refresh(check_entry(L));
    return 0;
}

/* The cached stat (following symlinks or not), raising its error. */
static const struct stat *entry_stat(lua_State *L, struct entry *e,
                                     bool follow, bool raise)
{
    if (!(follow ? e->have_st : e->have_lst))
        refresh(e);
    int err = follow ? e->st_err : e->lst_err;
    if (err && raise) {
        emilua_push_path(L, e->path, e->len);
        fs_raise(L, err, -1, 0);
    }
    return err ? NULL : follow ? &e->st : &e->lst;
}

static int entry_index(lua_State *L)
{
    struct entry *e = check_entry(L);
    if (lua_istable(L, lua_upvalueindex(1))) {
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(1));
        if (!lua_isnil(L, -1))
            return 1;
        lua_pop(L, 1);
    }
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    if (strcmp(key, "path") == 0) {
        emilua_push_path(L, e->path, e->len);
    } else if (strcmp(key, "file_size") == 0) {
        const struct stat *st = entry_stat(L, e, true, true);
        if (!S_ISREG(st->st_mode)) {
            emilua_push_path(L, e->path, e->len);
            return fs_raise(L, S_ISDIR(st->st_mode) ? EISDIR : EOPNOTSUPP,
                            -1, 0);
        }
        lua_pushinteger(L, st->st_size);
    } else if (strcmp(key, "hardlink_count") == 0) {
        lua_pushinteger(L, (lua_Integer)entry_stat(L, e, true, true)->st_nlink);
    } else if (strcmp(key, "last_write_time") == 0) {
        fs_push_time_point(L, &entry_stat(L, e, true, true)->st_mtim);
    } else if (strcmp(key, "status") == 0 ||
               strcmp(key, "symlink_status") == 0) {
        bool follow = key[0] == 's' && key[1] == 't';
        const struct stat *st = entry_stat(L, e, follow, false);
        int err = follow ? e->st_err : e->lst_err;
        if (err && !fs_is_not_found(err)) {
            emilua_push_path(L, e->path, e->len);
            return fs_raise(L, err, -1, 0);
        }
        fs_push_status(L, st, err);
    } else {
        return luaL_error(L, "filesystem.directory_entry: no field '%s'",
                          key);
    }
    return 1;
}

static const emilua_reg entry_methods[] = {
    {"refresh", entry_refresh, 0},
    {NULL, NULL, 0},
};

static const emilua_udata_type entry_type = {
    "filesystem.directory_entry", entry_methods, NULL, entry_index,
};

/* ---- opening directories ---------------------------------------------- */

static bool permission_denied(int err)
{
    return err == EACCES || err == EPERM;
}

static bool opt_flag(lua_State *L, int idx, const char *field)
{
    lua_getfield(L, idx, field);
    if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
        emilua_raise_einval_arg(L, idx);
    bool v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* Reads the next entry other than "." and ".."; NULL at the end with
 * errno 0, or on an error. */
static struct dirent *next_dirent(DIR *d)
{
    struct dirent *e;
    do {
        errno = 0;
        e = readdir(d);
    } while (e && (strcmp(e->d_name, ".") == 0 ||
                   strcmp(e->d_name, "..") == 0));
    return e;
}

/* ---- directory_iterator ----------------------------------------------- */

struct dir_iter {
    DIR *d;
    size_t len;
    char path[];
};

static int dir_iter_gc(lua_State *L)
{
    struct dir_iter *it = lua_touserdata(L, 1);
    if (it->d)
        closedir(it->d);
    it->d = NULL;
    return 0;
}

static const luaL_Reg dir_iter_meta[] = {
    {"__gc", dir_iter_gc},
    {NULL, NULL},
};

static const emilua_udata_type dir_iter_type = {
    "filesystem.directory_iterator", NULL, dir_iter_meta, NULL,
};

static int dir_iter_next(lua_State *L)
{
    struct dir_iter *it = lua_touserdata(L, lua_upvalueindex(1));
    if (!it->d)
        return 0;
    struct dirent *e = next_dirent(it->d);
    if (!e) {
        int err = errno;
        closedir(it->d);
        it->d = NULL;
        if (!err)
            return 0;
        emilua_push_path(L, it->path, it->len);
        return fs_raise(L, err, -1, 0);
    }
    push_entry(L, it->path, it->len, e->d_name);
    return 1;
}

static int fs_directory_iterator(lua_State *L)
{
    size_t n;
    const char *p = emilua_check_path(L, 1, "p", &n);
    fs_arg(L, 1, "p");
    lua_settop(L, 2);
    bool skip = false;
    if (!lua_isnoneornil(L, 2)) {
        emilua_check_type(L, 2, LUA_TTABLE, "opts");
        skip = opt_flag(L, 2, "skip_permission_denied");
    }
    struct dir_iter *it = emilua_new_udata(L, &dir_iter_type,
                                           sizeof *it + n + 1);
    it->len = n;
    memcpy(it->path, p, n + 1);
    it->d = opendir(p);
    if (!it->d && !(skip && permission_denied(errno)))
        return fs_raise(L, errno, 1, 0);
    lua_pushcclosure(L, dir_iter_next, 1);
    emilua_name_func(L, dir_iter_next, NULL, NULL,
                     "filesystem.directory_iterator");
    return 1;
}

/* ---- recursive_directory_iterator ------------------------------------- */

struct level {
    DIR *d;
    char *path;
};

struct rec_iter {
    struct level *levels;
    size_t depth, cap;          /* open levels */
    bool skip_denied, follow;
    bool pending;               /* recursion_pending */
    char *last;                 /* the entry returned last, to enter */
    unsigned char last_type;    /* its d_type */
};

static const emilua_udata_type rec_iter_type;

static void pop_level(struct rec_iter *it)
{
    struct level *l = &it->levels[--it->depth];
    closedir(l->d);
    free(l->path);
}

static int rec_gc(lua_State *L)
{
    struct rec_iter *it = lua_touserdata(L, 1);
    while (it->depth > 0)
        pop_level(it);
    free(it->levels);
    free(it->last);
    it->levels = NULL;
    it->last = NULL;
    it->cap = 0;
    return 0;
}

/* Opens path as a new level: 0, or a positive errno (path is freed). */
static int push_level(struct rec_iter *it, char *path)
{
    if (it->depth == it->cap) {
        size_t cap = it->cap ? it->cap * 2 : 8;
        struct level *l = realloc(it->levels, cap * sizeof *l);
        if (!l) {
            free(path);
            return ENOMEM;
        }
        it->levels = l;
        it->cap = cap;
    }
    DIR *d = opendir(path);
    if (!d) {
        int err = errno;
        free(path);
        return err;
    }
    it->levels[it->depth++] = (struct level){d, path};
    return 0;
}

/* Whether the entry returned last is a directory to enter. */
static bool last_is_dir(struct rec_iter *it)
{
    struct stat st;
    if (it->last_type == DT_DIR)
        return true;
    if (it->last_type == DT_LNK && !it->follow)
        return false;
    if (it->last_type != DT_UNKNOWN && it->last_type != DT_LNK)
        return false;
    return fs_stat(it->last, &st, it->follow) == 0 && S_ISDIR(st.st_mode);
}

static int rec_next(lua_State *L)
{
    struct rec_iter *it = lua_touserdata(L, lua_upvalueindex(1));
    if (it->last && it->pending && last_is_dir(it)) {
        emilua_push_path(L, it->last, strlen(it->last));   /* for errors */
        char *path = it->last;
        it->last = NULL;
        int err = push_level(it, path);
        if (err && !(it->skip_denied && permission_denied(err)))
            return fs_raise(L, err, -1, 0);
        lua_pop(L, 1);
    }
    free(it->last);
    it->last = NULL;
    it->pending = true;
    while (it->depth > 0) {
        struct level *top = &it->levels[it->depth - 1];
        struct dirent *e = next_dirent(top->d);
        if (!e) {
            int err = errno;
            if (err) {
                emilua_push_path(L, top->path, strlen(top->path));
                pop_level(it);
                return fs_raise(L, err, -1, 0);
            }
            pop_level(it);
            continue;
        }
        push_entry(L, top->path, strlen(top->path), e->d_name);
        struct entry *en = lua_touserdata(L, -1);
        it->last = strdup(en->path);
        if (!it->last)
            return emilua_raise_errno(L, ENOMEM);
        it->last_type = e->d_type;
        lua_pushinteger(L, (lua_Integer)it->depth - 1);
        return 2;
    }
    return 0;
}

static struct rec_iter *check_rec(lua_State *L)
{
    return emilua_check_udata(L, 1, &rec_iter_type);
}

/* Leaves the current directory: the walk goes on in its parent. */
static int rec_pop(lua_State *L)
{
    struct rec_iter *it = check_rec(L);
    if (it->depth > 0)
        pop_level(it);
    free(it->last);
    it->last = NULL;
    return 0;
}

static int rec_disable_recursion_pending(lua_State *L)
{
    check_rec(L)->pending = false;
    return 0;
}

static int rec_index(lua_State *L)
{
    struct rec_iter *it = check_rec(L);
    if (lua_istable(L, lua_upvalueindex(1))) {
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(1));
        if (!lua_isnil(L, -1))
            return 1;
        lua_pop(L, 1);
    }
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    if (strcmp(key, "recursion_pending") == 0) {
        lua_pushboolean(L, it->pending);
        return 1;
    }
    return luaL_error(L, "filesystem.recursive_directory_iterator: "
                         "no field '%s'", key);
}

static const emilua_reg rec_methods[] = {
    {"pop", rec_pop, 0},
    {"disable_recursion_pending", rec_disable_recursion_pending, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg rec_meta[] = {
    {"__gc", rec_gc},
    {NULL, NULL},
};

static const emilua_udata_type rec_iter_type = {
    "filesystem.recursive_directory_iterator", rec_methods, rec_meta,
    rec_index,
};

static int fs_recursive_directory_iterator(lua_State *L)
{
    size_t n;
    const char *p = emilua_check_path(L, 1, "p", &n);
    fs_arg(L, 1, "p");
    lua_settop(L, 2);
    struct rec_iter *it = emilua_new_udata(L, &rec_iter_type, sizeof *it);
    memset(it, 0, sizeof *it);
    it->pending = true;
    if (!lua_isnoneornil(L, 2)) {
        emilua_check_type(L, 2, LUA_TTABLE, "opts");
        it->skip_denied = opt_flag(L, 2, "skip_permission_denied");
        it->follow = opt_flag(L, 2, "follow_directory_symlink");
    }
    char *root = strdup(p);
    int err = root ? push_level(it, root) : ENOMEM;
    if (err && !(it->skip_denied && permission_denied(err)))
        return fs_raise(L, err, 1, 0);
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, rec_next, 1);
    emilua_name_func(L, rec_next, NULL, NULL,
                     "filesystem.recursive_directory_iterator");
    lua_insert(L, -2);
    return 2;
}

static const emilua_reg iterator_funcs[] = {
    {"directory_iterator", fs_directory_iterator, 0},
    {"recursive_directory_iterator", fs_recursive_directory_iterator, 0},
    {NULL, NULL, 0},
};

void fs_open_iterators(lua_State *L)
{
    emilua_set_funcs(L, "filesystem", iterator_funcs);
}
