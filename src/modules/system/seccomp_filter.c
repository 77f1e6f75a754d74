/* system.seccomp_filter: seccomp BPF programs built with libseccomp, a
 * helper beyond the reference (whose seccomp_set_mode_filter takes raw
 * BPF made elsewhere).
 *
 *     local f = system.seccomp_filter.new{default_action = "allow"}
 *     f:deny("mkdir", errno)                  -- fails with errno
 *     f:allow("write", {arg = 0, op = "==", value = 1})
 *     f:kill("ptrace")                        -- SIGSYS, process-wide
 *     system.spawn{..., seccomp_set_mode_filter = f:export()}
 *
 * Actions: "kill_process", "kill_thread", "trap", "errno" (with the
 * field errno), "log", "allow".  A comparison tests syscall argument
 * `arg` (0-5) with op "==", "~=", "<", "<=", ">", ">=" or "&" (the
 * argument masked with `mask` equals `value`). */
#include <errno.h>
#include <seccomp.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <emilua/byte_span.h>

#include "system.h"

struct filter {
    scmp_filter_ctx ctx;
};

static const emilua_udata_type filter_type;

/* An errno value: an integer, or an error value such as
 * generic_error.EPERM (its code); -1 for anything else. */
static int to_errno(lua_State *L, int idx)
{
    int t = lua_type(L, idx);
    lua_Number n = -1;
    if (t == LUA_TTABLE) {
        lua_getfield(L, idx, "code");
        n = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : -1;
        lua_pop(L, 1);
    } else if (t == LUA_TNUMBER) {
        n = lua_tonumber(L, idx);
    }
    return n == (int)n && n >= 0 && n <= 0xffff ? (int)n : -1;
}

static scmp_filter_ctx check_filter(lua_State *L)
{
    return ((struct filter *)emilua_check_udata(L, 1, &filter_type))->ctx;
}

/* The action named by the string at idx ("errno" takes errno_value). */
static bool parse_action(const char *s, int errno_value, uint32_t *out)
{
    static const struct { const char *name; uint32_t action; } actions[] = {
        {"kill_process", SCMP_ACT_KILL_PROCESS},
        {"kill_thread", SCMP_ACT_KILL_THREAD},
        {"trap", SCMP_ACT_TRAP},
        {"log", SCMP_ACT_LOG},
        {"allow", SCMP_ACT_ALLOW},
    };
    if (strcmp(s, "errno") == 0) {
        *out = SCMP_ACT_ERRNO((uint32_t)errno_value);
        return true;
    }
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
        if (strcmp(actions[i].name, s) == 0) {
            *out = actions[i].action;
            return true;
        }
    return false;
}

/* new{default_action = ..., errno = ..., arch = string|string[]} */
static int filter_new(lua_State *L)
{
    emilua_check_type(L, 1, LUA_TTABLE, "opts");
    lua_getfield(L, 1, "errno");
    int err = lua_isnil(L, -1) ? EPERM : to_errno(L, -1);
    if (err < 0)
        return emilua_arg_error(L, 1, "opts.errno", "an errno value");
    lua_getfield(L, 1, "default_action");
    uint32_t action;
    if (lua_type(L, -1) != LUA_TSTRING ||
        !parse_action(lua_tostring(L, -1), err, &action))
        return emilua_arg_error(L, 1, "opts.default_action",
                                "a seccomp action name");
    lua_pop(L, 2);

    struct filter *f = emilua_new_udata(L, &filter_type, sizeof *f);
    f->ctx = seccomp_init(action);
    if (!f->ctx)
        return emilua_raise_errno(L, ENOMEM);

    lua_getfield(L, 1, "arch");
    if (lua_isnil(L, -1))
        return (lua_pop(L, 1), 1);
    if (lua_type(L, -1) == LUA_TSTRING) {
        lua_createtable(L, 1, 0);
        lua_insert(L, -2);
        lua_rawseti(L, -2, 1);
    }
    if (!lua_istable(L, -1))
        return emilua_arg_error(L, 1, "opts.arch", "architecture names");
    /* The given architectures replace the native one. */
    bool native_kept = false;
    size_t n = lua_objlen(L, -1);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, (int)i);
        const char *name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                          : "";
        uint32_t arch = seccomp_arch_resolve_name(name);
        if (arch == 0)
            return emilua_arg_error(L, 1, "opts.arch", "architecture names");
        if (arch == seccomp_arch_native())
            native_kept = true;
        else if (seccomp_arch_add(f->ctx, arch) != 0 &&
                 seccomp_arch_exist(f->ctx, arch) != 0)
            return emilua_raise_errno(L, EINVAL);
        lua_pop(L, 1);
    }
    if (n && !native_kept)
        seccomp_arch_remove(f->ctx, SCMP_ARCH_NATIVE);
    lua_pop(L, 1);
    return 1;
}

static bool parse_op(const char *s, enum scmp_compare *op)
{
    static const struct { const char *name; enum scmp_compare op; } ops[] = {
        {"==", SCMP_CMP_EQ}, {"~=", SCMP_CMP_NE}, {"!=", SCMP_CMP_NE},
        {"<", SCMP_CMP_LT}, {"<=", SCMP_CMP_LE}, {">", SCMP_CMP_GT},
        {">=", SCMP_CMP_GE}, {"&", SCMP_CMP_MASKED_EQ},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(ops[i].name, s) == 0) {
            *op = ops[i].op;
            return true;
        }
    return false;
}

static scmp_datum_t field_datum(lua_State *L, int t, const char *field,
                                int argn, bool *ok)
{
    lua_getfield(L, t, field);
    scmp_datum_t v = 0;
    if (lua_type(L, -1) == LUA_TNUMBER) {
        lua_Number n = lua_tonumber(L, -1);
        /* negative values compare as the kernel sees them: 64-bit */
        v = n < 0 ? (scmp_datum_t)(int64_t)n : (scmp_datum_t)n;
    } else {
        *ok = false;
    }
    lua_pop(L, 1);
    return v;
}

/* Adds a rule for each name of the string or table at argn, with the
 * comparison tables from first_cmp on. */
static int add_rules(lua_State *L, uint32_t action, int argn, int first_cmp)
{
    scmp_filter_ctx ctx = check_filter(L);
    int top = lua_gettop(L);
    struct scmp_arg_cmp cmps[6];
    unsigned ncmp = 0;
    for (int i = first_cmp; i <= top; i++) {
        if (ncmp == 6)
            return emilua_raise_einval_arg(L, i);
        emilua_check_type(L, i, LUA_TTABLE, "comparison");
        bool ok = true;
        struct scmp_arg_cmp *c = &cmps[ncmp++];
        lua_getfield(L, i, "op");
        ok = lua_type(L, -1) == LUA_TSTRING &&
             parse_op(lua_tostring(L, -1), &c->op);
        lua_pop(L, 1);
        scmp_datum_t a = field_datum(L, i, "arg", i, &ok);
        if (a > 5)
            ok = false;
        c->arg = (unsigned)a;
        if (c->op == SCMP_CMP_MASKED_EQ) {
            c->datum_a = field_datum(L, i, "mask", i, &ok);
            c->datum_b = field_datum(L, i, "value", i, &ok);
        } else {
            c->datum_a = field_datum(L, i, "value", i, &ok);
            c->datum_b = 0;
        }
        if (!ok)
            return emilua_arg_error(L, i, "comparison",
                                    "{arg=0-5, op=..., value=...}");
    }

    if (lua_type(L, argn) == LUA_TSTRING) {
        lua_createtable(L, 1, 0);
        lua_pushvalue(L, argn);
        lua_rawseti(L, -2, 1);
        lua_replace(L, argn);
    }
    if (!lua_istable(L, argn))
        return emilua_arg_error(L, argn, "name", "a system call name");
    size_t n = lua_objlen(L, argn);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, argn, (int)i);
        const char *name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                          : "?";
        int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR) {
            emilua_push_error(L, &emilua_generic_category, EINVAL);
            lua_pushinteger(L, argn);
            lua_setfield(L, -2, "arg");
            lua_pushstring(L, name);
            lua_setfield(L, -2, "syscall");
            return lua_error(L);
        }
        int rc = seccomp_rule_add_array(ctx, action, nr, ncmp, cmps);
        if (rc != 0)
            return emilua_raise_errno(L, -rc);
        lua_pop(L, 1);
    }
    return 0;
}

/* :allow(name|names, comparisons...) */
static int filter_allow(lua_State *L)
{
    return add_rules(L, SCMP_ACT_ALLOW, 2, 3);
}

/* :deny(name|names, errno, comparisons...): the call fails with errno */
static int filter_deny(lua_State *L)
{
    int err = to_errno(L, 3);
    if (err < 0)
        return emilua_arg_error(L, 3, "errno", "an errno value");
    return add_rules(L, SCMP_ACT_ERRNO((uint32_t)err), 2, 4);
}

/* :kill(name, ...), :trap(name, ...), :log(name, ...): the other
 * actions, with the same names and comparisons as allow. */
static int filter_kill(lua_State *L)
{
    return add_rules(L, SCMP_ACT_KILL_PROCESS, 2, 3);
}

static int filter_trap(lua_State *L)
{
    return add_rules(L, SCMP_ACT_TRAP, 2, 3);
}

static int filter_log(lua_State *L)
{
    return add_rules(L, SCMP_ACT_LOG, 2, 3);
}

/* libseccomp 2.5 exports to an fd only: a memfd, read back. */
static int export_with(lua_State *L, int (*exporter)(const scmp_filter_ctx,
                                                     int),
                       bool as_span)
{
    scmp_filter_ctx ctx = check_filter(L);
    int fd = memfd_create("seccomp", MFD_CLOEXEC);
    if (fd < 0)
        return emilua_raise_errno(L, errno);
    int rc = exporter(ctx, fd);
    off_t size = rc == 0 ? lseek(fd, 0, SEEK_END) : -1;
    if (rc != 0 || size < 0) {
        int err = rc != 0 ? -rc : errno;
        close(fd);
        return emilua_raise_errno(L, err);
    }
    luaL_Buffer b;
    emilua_byte_span *bs = NULL;
    char *dst;
    if (as_span) {
        bs = emilua_push_byte_span(L, (size_t)size, (size_t)size);
        dst = (char *)emilua_byte_span_data(bs);
    } else {
        luaL_buffinit(L, &b);
        dst = NULL;
    }
    off_t off = 0;
    char chunk[LUAL_BUFFERSIZE];
    while (off < size) {
        size_t want = (size_t)(size - off);
        if (!as_span && want > sizeof chunk)
            want = sizeof chunk;
        ssize_t n = pread(fd, as_span ? dst + off : chunk, want, off);
        if (n <= 0) {
            int err = n < 0 ? errno : EIO;
            close(fd);
            return emilua_raise_errno(L, err);
        }
        if (!as_span)
            luaL_addlstring(&b, chunk, (size_t)n);
        off += n;
    }
    close(fd);
    if (!as_span)
        luaL_pushresult(&b);
    return 1;
}

static int filter_export(lua_State *L)
{
    return export_with(L, seccomp_export_bpf, true);
}

static int filter_export_pfc(lua_State *L)
{
    return export_with(L, seccomp_export_pfc, false);
}

static int filter_gc(lua_State *L)
{
    struct filter *f = lua_touserdata(L, 1);
    if (f->ctx)
        seccomp_release(f->ctx);
    f->ctx = NULL;
    return 0;
}

static const emilua_reg filter_methods[] = {
    {"allow", filter_allow, 0},
    {"deny", filter_deny, 0},
    {"kill", filter_kill, 0},
    {"trap", filter_trap, 0},
    {"log", filter_log, 0},
    {"export", filter_export, 0},
    {"export_pfc", filter_export_pfc, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg filter_meta[] = {
    {"__gc", filter_gc},
    {NULL, NULL},
};

static const emilua_udata_type filter_type = {
    "system.seccomp_filter", filter_methods, filter_meta, NULL,
};

static const emilua_reg filter_funcs[] = {
    {"new", filter_new, 0},
    {NULL, NULL, 0},
};

void system_open_seccomp_filter(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "system.seccomp_filter", filter_funcs);
    lua_setfield(L, -2, "seccomp_filter");
}
