/* filesystem.path: immutable values holding a path's native bytes.  On
 * Linux the native and the generic formats are the same and UTF-8 is
 * the bytes themselves, so the conversions are copies.  The algorithms
 * are in path_lexical.c; this file is the Lua face and the C API of
 * include/emilua/filesystem.h. */
#include <string.h>

#include "fs_module.h"
#include "path_lexical.h"

static const emilua_udata_type path_type;

struct fs_path *fs_new_path(lua_State *L, size_t cap)
{
    struct fs_path *p = emilua_new_udata(L, &path_type, sizeof *p + cap + 1);
    p->len = 0;
    p->s[0] = '\0';
    return p;
}

void emilua_push_path(lua_State *L, const char *s, size_t len)
{
    struct fs_path *p = fs_new_path(L, len);
    memcpy(p->s, s, len);
    p->s[len] = '\0';
    p->len = len;
}

const char *emilua_test_path(lua_State *L, int idx, size_t *len)
{
    struct fs_path *p = emilua_test_udata(L, idx, &path_type);
    if (!p)
        return NULL;
    if (len)
        *len = p->len;
    return p->s;
}

const char *emilua_check_path(lua_State *L, int argn, const char *name,
                              size_t *len)
{
    const char *s = emilua_test_path(L, argn, len);
    if (!s)
        emilua_arg_error(L, argn, name, "a filesystem.path");
    return s;
}

const char *emilua_check_path_cstr(lua_State *L, int argn, const char *name)
{
    size_t len;
    const char *s = emilua_check_path(L, argn, name, &len);
    if (strlen(s) != len)
        emilua_raise_einval_arg(L, argn);
    return s;
}

static struct fs_path *check_self(lua_State *L)
{
    return emilua_check_udata(L, 1, &path_type);
}

/* The arguments the reference types as string|path. */
static const char *string_or_path(lua_State *L, int argn, const char *name,
                                  size_t *len)
{
    if (lua_type(L, argn) == LUA_TSTRING)
        return lua_tolstring(L, argn, len);
    const char *s = emilua_test_path(L, argn, len);
    if (!s)
        emilua_arg_error(L, argn, name, "a string or a filesystem.path");
    return s;
}

static void push_bytes_as_path(lua_State *L, const char *s, size_t n)
{
    emilua_push_path(L, s, n);
}

/* Pushes a new path, fills it with fill()'s result. */
#define PUSH_COMPUTED(L, cap, expr)                                          \
    do {                                                                     \
        struct fs_path *r_ = fs_new_path((L), (cap));                        \
        char *out = r_->s;                                                   \
        r_->len = (expr);                                                    \
        r_->s[r_->len] = '\0';                                               \
    } while (0)

/* ---- constructors ----------------------------------------------------- */

static int path_new(lua_State *L)
{
    if (lua_isnoneornil(L, 1)) {
        emilua_push_path(L, "", 0);
        return 1;
    }
    size_t len;
    const char *s = emilua_check_string(L, 1, &len, "str");
    emilua_push_path(L, s, len);
    return 1;
}

static int path_from_generic(lua_State *L)
{
    size_t len;
    const char *s = emilua_check_string(L, 1, &len, "source");
    emilua_push_path(L, s, len);
    return 1;
}

/* ---- methods ---------------------------------------------------------- */

static int path_to_generic(lua_State *L)
{
    struct fs_path *p = check_self(L);
    lua_pushlstring(L, p->s, p->len);
    return 1;
}

static int path_make_preferred(lua_State *L)
{
    struct fs_path *p = check_self(L);
    push_bytes_as_path(L, p->s, p->len);
    return 1;
}

static int path_iterator_next(lua_State *L)
{
    struct fs_path *p = lua_touserdata(L, lua_upvalueindex(1));
    size_t cursor = (size_t)lua_tointeger(L, lua_upvalueindex(2));
    struct fs_elem e;
    if (!fs_next_elem(p->s, p->len, &cursor, &e))
        return 0;
    lua_pushinteger(L, (lua_Integer)cursor);
    lua_replace(L, lua_upvalueindex(2));
    lua_pushlstring(L, p->s + e.pos, e.len);
    return 1;
}

static int path_iterator(lua_State *L)
{
    check_self(L);
    lua_settop(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, path_iterator_next, 2);
    return 1;
}

static int path_remove_filename(lua_State *L)
{
    struct fs_path *p = check_self(L);
    push_bytes_as_path(L, p->s, fs_filename_start(p->s, p->len));
    return 1;
}

static int path_replace_filename(lua_State *L)
{
    struct fs_path *p = check_self(L);
    size_t rn;
    const char *r = string_or_path(L, 2, "replacement", &rn);
    size_t k = fs_filename_start(p->s, p->len);
    PUSH_COMPUTED(L, k + rn + 1, fs_join(p->s, k, r, rn, out));
    return 1;
}

static int path_replace_extension(lua_State *L)
{
    struct fs_path *p = check_self(L);
    size_t rn = 0;
    const char *r = "";
    if (!lua_isnoneornil(L, 2))
        r = string_or_path(L, 2, "replacement", &rn);
    PUSH_COMPUTED(L, p->len + rn + 1,
                  fs_replace_extension(p->s, p->len, r, rn, out));
    return 1;
}

void fs_push_join(lua_State *L, const char *a, size_t an, const char *b,
                  size_t bn)
{
    PUSH_COMPUTED(L, an + bn + 1, fs_join(a, an, b, bn, out));
}

void fs_push_normal(lua_State *L, const char *s, size_t n)
{
    struct fs_elem *scratch = lua_newuserdata(L, FS_MAX_ELEMS(n) *
                                                 sizeof *scratch);
    PUSH_COMPUTED(L, FS_NORMAL_CAP(n),
                  fs_lexically_normal(s, n, out, scratch));
    lua_remove(L, -2);
}

void fs_push_relative(lua_State *L, const char *s, size_t n, const char *b,
                      size_t bn, bool proximate)
{
    size_t len;
    PUSH_COMPUTED(L, FS_RELATIVE_CAP(n, bn),
                  fs_lexically_relative(s, n, b, bn, out));
    if (proximate && emilua_test_path(L, -1, &len) && len == 0) {
        lua_pop(L, 1);
        emilua_push_path(L, s, n);
    }
}

static int path_lexically_normal(lua_State *L)
{
    struct fs_path *p = check_self(L);
    fs_push_normal(L, p->s, p->len);
    return 1;
}

static int relative(lua_State *L, bool proximate)
{
    struct fs_path *p = check_self(L);
    size_t bn;
    const char *b = string_or_path(L, 2, "base", &bn);
    fs_push_relative(L, p->s, p->len, b, bn, proximate);
    return 1;
}

static int path_lexically_relative(lua_State *L)
{
    return relative(L, false);
}

static int path_lexically_proximate(lua_State *L)
{
    return relative(L, true);
}

/* ---- properties ------------------------------------------------------- */

enum prop {
    P_ROOT_NAME, P_ROOT_DIRECTORY, P_ROOT_PATH, P_RELATIVE_PATH,
    P_PARENT_PATH, P_FILENAME, P_STEM, P_EXTENSION, P_EMPTY,
    P_HAS_ROOT_PATH, P_HAS_ROOT_NAME, P_HAS_ROOT_DIRECTORY,
    P_HAS_RELATIVE_PATH, P_HAS_PARENT_PATH, P_HAS_FILENAME, P_HAS_STEM,
    P_HAS_EXTENSION, P_IS_ABSOLUTE, P_IS_RELATIVE, P_COUNT_
};

static const char *const prop_names[P_COUNT_] = {
    "root_name", "root_directory", "root_path", "relative_path",
    "parent_path", "filename", "stem", "extension", "empty",
    "has_root_path", "has_root_name", "has_root_directory",
    "has_relative_path", "has_parent_path", "has_filename", "has_stem",
    "has_extension", "is_absolute", "is_relative",
};

static int path_index(lua_State *L)
{
    struct fs_path *p = check_self(L);
    if (lua_istable(L, lua_upvalueindex(1))) {
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(1));
        if (!lua_isnil(L, -1))
            return 1;
        lua_pop(L, 1);
    }
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
    int prop = 0;
    while (prop < P_COUNT_ && strcmp(key, prop_names[prop]) != 0)
        prop++;

    const char *s = p->s;
    size_t n = p->len;
    bool root = fs_has_root(s, n);
    size_t rel = fs_relative_start(s, n);
    size_t fname = fs_filename_start(s, n);
    size_t stem = fs_stem_len(s + fname, n - fname);
    switch (prop) {
    case P_ROOT_NAME:
        lua_pushliteral(L, "");
        return 1;
    case P_ROOT_DIRECTORY:
        lua_pushstring(L, root ? "/" : "");
        return 1;
    case P_ROOT_PATH:
        push_bytes_as_path(L, "/", root ? 1 : 0);
        return 1;
    case P_RELATIVE_PATH:
        push_bytes_as_path(L, s + rel, n - rel);
        return 1;
    case P_PARENT_PATH:
        push_bytes_as_path(L, s, fs_parent_len(s, n));
        return 1;
    case P_FILENAME:
        lua_pushlstring(L, s + fname, n - fname);
        return 1;
    case P_STEM:
        lua_pushlstring(L, s + fname, stem);
        return 1;
    case P_EXTENSION:
        lua_pushlstring(L, s + fname + stem, n - fname - stem);
        return 1;
    case P_EMPTY:
        lua_pushboolean(L, n == 0);
        return 1;
    case P_HAS_ROOT_PATH:
    case P_HAS_ROOT_DIRECTORY:
    case P_IS_ABSOLUTE:
        lua_pushboolean(L, root);
        return 1;
    case P_HAS_ROOT_NAME:
        lua_pushboolean(L, 0);
        return 1;
    case P_HAS_RELATIVE_PATH:
        lua_pushboolean(L, rel < n);
        return 1;
    case P_HAS_PARENT_PATH:
        lua_pushboolean(L, fs_parent_len(s, n) > 0);
        return 1;
    case P_HAS_FILENAME:
        lua_pushboolean(L, fname < n);
        return 1;
    case P_HAS_STEM:
        lua_pushboolean(L, stem > 0);
        return 1;
    case P_HAS_EXTENSION:
        lua_pushboolean(L, fname + stem < n);
        return 1;
    case P_IS_RELATIVE:
        lua_pushboolean(L, !root);
        return 1;
    }
    return luaL_error(L, "filesystem.path: no field '%s'", key);
}

static int path_newindex(lua_State *L)
{
    return luaL_error(L, "filesystem.path: paths are immutable");
}

/* ---- metamethods ------------------------------------------------------ */

static int path_tostring(lua_State *L)
{
    return path_to_generic(L);
}

static int path_eq(lua_State *L)
{
    size_t an, bn;
    const char *a = emilua_test_path(L, 1, &an);
    const char *b = emilua_test_path(L, 2, &bn);
    lua_pushboolean(L, a && b && fs_compare(a, an, b, bn) == 0);
    return 1;
}

static int compare_args(lua_State *L)
{
    size_t an, bn;
    const char *a = emilua_check_path(L, 1, NULL, &an);
    const char *b = emilua_check_path(L, 2, NULL, &bn);
    return fs_compare(a, an, b, bn);
}

static int path_lt(lua_State *L)
{
    lua_pushboolean(L, compare_args(L) < 0);
    return 1;
}

static int path_le(lua_State *L)
{
    lua_pushboolean(L, compare_args(L) <= 0);
    return 1;
}

/* p / q and p .. q take a string on either side, so that
 * `dir / "name"` and `"prefix" .. p` work. */
static void operands(lua_State *L, const char **a, size_t *an, const char **b,
                     size_t *bn)
{
    *a = string_or_path(L, 1, NULL, an);
    *b = string_or_path(L, 2, NULL, bn);
}

static int path_div(lua_State *L)
{
    const char *a, *b;
    size_t an, bn;
    operands(L, &a, &an, &b, &bn);
    fs_push_join(L, a, an, b, bn);
    return 1;
}

static int path_concat(lua_State *L)
{
    const char *a, *b;
    size_t an, bn;
    operands(L, &a, &an, &b, &bn);
    struct fs_path *r = fs_new_path(L, an + bn);
    memcpy(r->s, a, an);
    memcpy(r->s + an, b, bn);
    r->len = an + bn;
    r->s[r->len] = '\0';
    return 1;
}

static const emilua_reg path_methods[] = {
    {"to_generic", path_to_generic, 0},
    {"iterator", path_iterator, 0},
    {"make_preferred", path_make_preferred, 0},
    {"remove_filename", path_remove_filename, 0},
    {"replace_filename", path_replace_filename, 0},
    {"replace_extension", path_replace_extension, 0},
    {"lexically_normal", path_lexically_normal, 0},
    {"lexically_relative", path_lexically_relative, 0},
    {"lexically_proximate", path_lexically_proximate, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg path_meta[] = {
    {"__tostring", path_tostring},
    {"__eq", path_eq},
    {"__lt", path_lt},
    {"__le", path_le},
    {"__div", path_div},
    {"__concat", path_concat},
    {"__newindex", path_newindex},
    {NULL, NULL},
};

static const emilua_udata_type path_type = {
    "filesystem.path", path_methods, path_meta, path_index,
};

static const emilua_reg path_funcs[] = {
    {"new", path_new, 0},
    {"from_generic", path_from_generic, 0},
    {NULL, NULL, 0},
};

void fs_open_path(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "filesystem.path", path_funcs);
    lua_pushliteral(L, "/");
    lua_setfield(L, -2, "preferred_separator");
    lua_setfield(L, -2, "path");
}
