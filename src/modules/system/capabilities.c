/* system.linux_capabilities: libcap's capability state objects, and the
 * process-wide capability functions of the system module (bounding and
 * ambient sets, securebits).  Capability and set names are libcap's
 * ("cap_net_raw"; "effective", "permitted", "inheritable"). */
#include <errno.h>
#include <linux/securebits.h>
#include <string.h>

#include <emilua/linux_capabilities.h>

#include "system.h"

struct caps {
    cap_t c;
};

static const emilua_udata_type caps_type;

void emilua_push_linux_capabilities(lua_State *L, cap_t c)
{
    struct caps *p = emilua_new_udata(L, &caps_type, sizeof *p);
    p->c = c;
}

cap_t emilua_check_linux_capabilities(lua_State *L, int argn,
                                      const char *name)
{
    struct caps *p = emilua_test_udata(L, argn, &caps_type);
    if (!p)
        emilua_arg_error(L, argn, name, "a system.linux_capabilities");
    return p->c;
}

static cap_t self(lua_State *L)
{
    return ((struct caps *)emilua_check_udata(L, 1, &caps_type))->c;
}

/* A new cap_t from libcap, or its errno raised. */
static int push_new(lua_State *L, cap_t c)
{
    if (!c)
        return emilua_raise_errno(L, errno);
    emilua_push_linux_capabilities(L, c);
    return 1;
}

static cap_value_t check_cap(lua_State *L, int argn, const char *name)
{
    const char *s = emilua_check_string(L, argn, NULL, name);
    cap_value_t v;
    if (cap_from_name(s, &v) != 0)
        emilua_raise_einval_arg(L, argn);
    return v;
}

static cap_flag_t check_flag(lua_State *L, int argn, const char *name)
{
    const char *s = emilua_check_string(L, argn, NULL, name);
    if (strcmp(s, "effective") == 0)
        return CAP_EFFECTIVE;
    if (strcmp(s, "permitted") == 0)
        return CAP_PERMITTED;
    if (strcmp(s, "inheritable") == 0)
        return CAP_INHERITABLE;
    emilua_raise_einval_arg(L, argn);
    return CAP_EFFECTIVE;
}

static int check_status(lua_State *L, int r)
{
    if (r != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

/* ---- system functions ------------------------------------------------- */

static int sys_cap_get_proc(lua_State *L)
{
    return push_new(L, cap_get_proc());
}

static int sys_cap_init(lua_State *L)
{
    return push_new(L, cap_init());
}

static int sys_cap_from_text(lua_State *L)
{
    const char *s = emilua_check_string(L, 1, NULL, "caps");
    cap_t c = cap_from_text(s);
    if (!c)
        return emilua_raise_einval_arg(L, 1);
    emilua_push_linux_capabilities(L, c);
    return 1;
}

static int sys_cap_get_bound(lua_State *L)
{
    int r = cap_get_bound(check_cap(L, 1, "cap"));
    if (r < 0)
        return emilua_raise_errno(L, errno ? errno : EINVAL);
    lua_pushboolean(L, r);
    return 1;
}

static int sys_cap_drop_bound(lua_State *L)
{
    cap_value_t v = check_cap(L, 1, "cap");
    system_check_master(L);
    return check_status(L, cap_drop_bound(v));
}

static int sys_cap_get_ambient(lua_State *L)
{
    int r = cap_get_ambient(check_cap(L, 1, "cap"));
    if (r < 0)
        return emilua_raise_errno(L, errno ? errno : EINVAL);
    lua_pushboolean(L, r);
    return 1;
}

static int sys_cap_set_ambient(lua_State *L)
{
    cap_value_t v = check_cap(L, 1, "cap");
    emilua_check_type(L, 2, LUA_TBOOLEAN, "value");
    system_check_master(L);
    return check_status(L, cap_set_ambient(v, lua_toboolean(L, 2) ? CAP_SET
                                                                  : CAP_CLEAR));
}

static int sys_cap_reset_ambient(lua_State *L)
{
    system_check_master(L);
    return check_status(L, cap_reset_ambient());
}

static int sys_cap_get_secbits(lua_State *L)
{
    lua_pushinteger(L, cap_get_secbits());
    return 1;
}

static int sys_cap_set_secbits(lua_State *L)
{
    lua_Integer bits = system_check_int_range(L, 1, "bits", 0, UINT32_MAX);
    system_check_master(L);
    return check_status(L, cap_set_secbits((unsigned)bits));
}

/* ---- methods ---------------------------------------------------------- */

static int caps_dup(lua_State *L)
{
    return push_new(L, cap_dup(self(L)));
}

static int caps_clear(lua_State *L)
{
    return check_status(L, cap_clear(self(L)));
}

static int caps_clear_flag(lua_State *L)
{
    cap_t c = self(L);
    return check_status(L, cap_clear_flag(c, check_flag(L, 2, "flag")));
}

static int caps_get_flag(lua_State *L)
{
    cap_t c = self(L);
    cap_value_t v = check_cap(L, 2, "cap");
    cap_flag_t f = check_flag(L, 3, "flag");
    cap_flag_value_t value;
    check_status(L, cap_get_flag(c, v, f, &value));
    lua_pushboolean(L, value == CAP_SET);
    return 1;
}

static int caps_set_flag(lua_State *L)
{
    cap_t c = self(L);
    cap_flag_t f = check_flag(L, 2, "flag");
    emilua_check_type(L, 3, LUA_TTABLE, "caps");
    emilua_check_type(L, 4, LUA_TBOOLEAN, "value");
    int n = (int)lua_objlen(L, 3);
    cap_value_t *vals = lua_newuserdata(L, (size_t)(n ? n : 1) * sizeof *vals);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, 3, i + 1);
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                       : "";
        if (cap_from_name(s, &vals[i]) != 0)
            return emilua_raise_einval_arg(L, 3);
        lua_pop(L, 1);
    }
    return check_status(L, cap_set_flag(c, f, n, vals,
                                        lua_toboolean(L, 4) ? CAP_SET
                                                            : CAP_CLEAR));
}

static int caps_fill_flag(lua_State *L)
{
    cap_t c = self(L);
    cap_flag_t to = check_flag(L, 2, "to");
    cap_t ref = emilua_check_linux_capabilities(L, 3, "ref");
    cap_flag_t from = check_flag(L, 4, "from");
    return check_status(L, cap_fill_flag(c, to, ref, from));
}

static int caps_fill(lua_State *L)
{
    cap_t c = self(L);
    cap_flag_t to = check_flag(L, 2, "to");
    cap_flag_t from = check_flag(L, 3, "from");
    return check_status(L, cap_fill(c, to, from));
}

static int caps_set_proc(lua_State *L)
{
    cap_t c = self(L);
    system_check_master(L);
    return check_status(L, cap_set_proc(c));
}

static int caps_get_nsowner(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)cap_get_nsowner(self(L)));
    return 1;
}

static int caps_set_nsowner(lua_State *L)
{
    cap_t c = self(L);
    lua_Integer uid = system_check_int_range(L, 2, "rootuid", 0,
                                             UINT32_MAX - 1);
    return check_status(L, cap_set_nsowner(c, (uid_t)uid));
}

static int caps_tostring(lua_State *L)
{
    ssize_t len;
    char *s = cap_to_text(self(L), &len);
    if (!s)
        return emilua_raise_errno(L, errno);
    lua_pushlstring(L, s, (size_t)len);
    cap_free(s);
    return 1;
}

/* a == b: the same sets and namespace owner (cap_compare). */
static int caps_eq(lua_State *L)
{
    struct caps *a = emilua_test_udata(L, 1, &caps_type);
    struct caps *b = emilua_test_udata(L, 2, &caps_type);
    lua_pushboolean(L, a && b && cap_compare(a->c, b->c) == 0);
    return 1;
}

static int caps_gc(lua_State *L)
{
    struct caps *p = lua_touserdata(L, 1);
    if (p->c)
        cap_free(p->c);
    p->c = NULL;
    return 0;
}

static const emilua_reg caps_methods[] = {
    {"dup", caps_dup, 0},
    {"clear", caps_clear, 0},
    {"clear_flag", caps_clear_flag, 0},
    {"get_flag", caps_get_flag, 0},
    {"set_flag", caps_set_flag, 0},
    {"fill_flag", caps_fill_flag, 0},
    {"fill", caps_fill, 0},
    {"set_proc", caps_set_proc, 0},
    {"get_nsowner", caps_get_nsowner, 0},
    {"set_nsowner", caps_set_nsowner, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg caps_meta[] = {
    {"__tostring", caps_tostring},
    {"__eq", caps_eq},
    {"__gc", caps_gc},
    {NULL, NULL},
};

static const emilua_udata_type caps_type = {
    "system.linux_capabilities", caps_methods, caps_meta, NULL,
};

static const emilua_reg caps_funcs[] = {
    {"cap_get_proc", sys_cap_get_proc, 0},
    {"cap_init", sys_cap_init, 0},
    {"cap_from_text", sys_cap_from_text, 0},
    {"cap_get_bound", sys_cap_get_bound, 0},
    {"cap_drop_bound", sys_cap_drop_bound, 0},
    {"cap_get_ambient", sys_cap_get_ambient, 0},
    {"cap_set_ambient", sys_cap_set_ambient, 0},
    {"cap_reset_ambient", sys_cap_reset_ambient, 0},
    {"cap_get_secbits", sys_cap_get_secbits, 0},
    {"cap_set_secbits", sys_cap_set_secbits, 0},
    {NULL, NULL, 0},
};

void system_open_capabilities(lua_State *L)
{
    emilua_set_funcs(L, "system", caps_funcs);
    static const struct {
        const char *name;
        lua_Integer bit;
    } secbits[] = {
        {"SECBIT_NOROOT", SECBIT_NOROOT},
        {"SECBIT_NOROOT_LOCKED", SECBIT_NOROOT_LOCKED},
        {"SECBIT_NO_SETUID_FIXUP", SECBIT_NO_SETUID_FIXUP},
        {"SECBIT_NO_SETUID_FIXUP_LOCKED", SECBIT_NO_SETUID_FIXUP_LOCKED},
        {"SECBIT_KEEP_CAPS", SECBIT_KEEP_CAPS},
        {"SECBIT_KEEP_CAPS_LOCKED", SECBIT_KEEP_CAPS_LOCKED},
        {"SECBIT_NO_CAP_AMBIENT_RAISE", SECBIT_NO_CAP_AMBIENT_RAISE},
        {"SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED",
         SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED},
    };
    for (size_t i = 0; i < sizeof secbits / sizeof *secbits; i++) {
        lua_pushinteger(L, secbits[i].bit);
        lua_setfield(L, -2, secbits[i].name);
    }
}
