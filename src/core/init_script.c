/* The init.script of a subprocess actor: Lua source run first thing in
 * the new process, in a plain LuaJIT state of its own whose allocator
 * zeroes memory on release.  It reaches the system through `C` (each
 * function returns its C result, then errno) and a few helpers.  While the
 * global `errexit` is true, a failing call ends the process. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <lauxlib.h>
#include <lualib.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>
#include <linux/securebits.h>
#include <linux/seccomp.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/mount.h>

#include "init_script.h"

static void *zeroing_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    if (nsize == 0) {
        if (ptr)
            explicit_bzero(ptr, osize);
        free(ptr);
        return NULL;
    }
    void *p = malloc(nsize);
    if (p && ptr) {
        memcpy(p, ptr, osize < nsize ? osize : nsize);
        explicit_bzero(ptr, osize);
        free(ptr);
    }
    return p;
}

/* Pushes result and errno; ends the process on failure under errexit. */
static int ret(lua_State *L, long r)
{
    int err = r < 0 ? errno : 0;
    if (r < 0) {
        lua_getglobal(L, "errexit");
        if (lua_toboolean(L, -1))
            _exit(1);
        lua_pop(L, 1);
    }
    lua_pushinteger(L, r);
    lua_pushinteger(L, err);
    return 2;
}

#define I(n) ((long)luaL_checkinteger(L, (n)))
#define S(n) luaL_checkstring(L, (n))
#define OPT_S(n) luaL_optstring(L, (n), NULL)

/* ---- C functions --------------------------------------------------------- */

static int c_read(lua_State *L)
{
    lua_Integer size = luaL_checkinteger(L, 2);
    if (size < 0)
        size = 0;
    char *buf = malloc(size ? (size_t)size : 1);
    ssize_t n = buf ? read((int)I(1), buf, (size_t)size) : -1;
    if (n < 0) {
        free(buf);
        lua_pushnil(L);
        lua_pushinteger(L, errno);
        lua_getglobal(L, "errexit");
        if (lua_toboolean(L, -1))
            _exit(1);
        lua_pop(L, 1);
        return 2;
    }
    lua_pushlstring(L, buf, (size_t)n);
    free(buf);
    lua_pushinteger(L, 0);
    return 2;
}

static int c_write(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 2, &len);
    return ret(L, write((int)I(1), s, len));
}

static int c_sethostname(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    return ret(L, sethostname(s, len));
}

static int c_setdomainname(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    return ret(L, setdomainname(s, len));
}

static int c_setgroups(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    size_t n = lua_objlen(L, 1);
    gid_t *g = calloc(n + 1, sizeof *g);
    for (size_t i = 0; g && i < n; i++) {
        lua_rawgeti(L, 1, (int)i + 1);
        g[i] = (gid_t)luaL_checkinteger(L, -1);
        lua_pop(L, 1);
    }
    long r = g ? setgroups(n, g) : -1;
    free(g);
    return ret(L, r);
}

static int c_cap_set_proc(lua_State *L)
{
    cap_t caps = cap_from_text(S(1));
    long r = caps ? cap_set_proc(caps) : -1;
    if (caps)
        cap_free(caps);
    return ret(L, r);
}

static int cap_value(lua_State *L, int n, cap_value_t *v)
{
    if (cap_from_name(S(n), v) != 0) {
        errno = EINVAL;
        return -1;
    }
    return 0;
}

static int c_cap_drop_bound(lua_State *L)
{
    cap_value_t v;
    return ret(L, cap_value(L, 1, &v) ? -1 : cap_drop_bound(v));
}

static int c_cap_set_ambient(lua_State *L)
{
    cap_value_t v;
    luaL_checktype(L, 2, LUA_TBOOLEAN);
    cap_flag_value_t on = lua_toboolean(L, 2) ? CAP_SET : CAP_CLEAR;
    return ret(L, cap_value(L, 1, &v) ? -1 : cap_set_ambient(v, on));
}

static int c_cap_reset_ambient(lua_State *L)
{
    return ret(L, cap_reset_ambient());
}

static int c_cap_set_secbits(lua_State *L)
{
    return ret(L, cap_set_secbits((unsigned)I(1)));
}

/* argv/envp tables as NULL-terminated arrays (left on the Lua stack). */
static char **string_array(lua_State *L, int idx)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    size_t n = lua_objlen(L, idx);
    char **v = lua_newuserdata(L, (n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, idx, (int)i + 1);
        v[i] = (char *)luaL_checkstring(L, -1);
        lua_pop(L, 1);   /* the table keeps the string */
    }
    v[n] = NULL;
    return v;
}

static int c_execve(lua_State *L)
{
    char **argv = string_array(L, 2), **envp = string_array(L, 3);
    return ret(L, execve(S(1), argv, envp));
}

static int c_fexecve(lua_State *L)
{
    char **argv = string_array(L, 2), **envp = string_array(L, 3);
    return ret(L, fexecve((int)I(1), argv, envp));
}

static int c_dup(lua_State *L) { return ret(L, dup((int)I(1))); }
static int c_dup2(lua_State *L) { return ret(L, dup2((int)I(1), (int)I(2))); }
static int c_close(lua_State *L) { return ret(L, close((int)I(1))); }

static int c_closefrom(lua_State *L)
{
    syscall(SYS_close_range, (unsigned)I(1), ~0U, 0);
    return 0;
}

static int c_open(lua_State *L)
{
    return ret(L, open(S(1), (int)I(2), (mode_t)luaL_optinteger(L, 3, 0)));
}

static int c_access(lua_State *L) { return ret(L, access(S(1), (int)I(2))); }
static int c_eaccess(lua_State *L) { return ret(L, eaccess(S(1), (int)I(2))); }
static int c_mkdir(lua_State *L) { return ret(L, mkdir(S(1), (mode_t)I(2))); }
static int c_chdir(lua_State *L) { return ret(L, chdir(S(1))); }
static int c_mkfifo(lua_State *L) { return ret(L, mkfifo(S(1), (mode_t)I(2))); }

static int c_socket(lua_State *L)
{
    return ret(L, socket((int)I(1), (int)I(2), (int)I(3)));
}

static int c_listen(lua_State *L) { return ret(L, listen((int)I(1), (int)I(2))); }

static int c_mknod(lua_State *L)
{
    return ret(L, mknod(S(1), (mode_t)I(2), (dev_t)I(3)));
}

static int c_makedev(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)makedev((unsigned)I(1), (unsigned)I(2)));
    return 1;
}

static int c_link(lua_State *L) { return ret(L, link(S(1), S(2))); }

static int c_linkat(lua_State *L)
{
    return ret(L, linkat((int)I(1), S(2), (int)I(3), S(4), (int)I(5)));
}

static int c_symlink(lua_State *L) { return ret(L, symlink(S(1), S(2))); }

static int c_chown(lua_State *L)
{
    return ret(L, chown(S(1), (uid_t)I(2), (gid_t)I(3)));
}

static int c_chmod(lua_State *L) { return ret(L, chmod(S(1), (mode_t)I(2))); }

static int c_umask(lua_State *L)
{
    lua_pushinteger(L, umask((mode_t)I(1)));
    lua_pushinteger(L, 0);
    return 2;
}

static int c_mount(lua_State *L)
{
    return ret(L, mount(OPT_S(1), S(2), OPT_S(3), (unsigned long)I(4),
                        OPT_S(5)));
}

static int c_umount(lua_State *L) { return ret(L, umount(S(1))); }
static int c_umount2(lua_State *L) { return ret(L, umount2(S(1), (int)I(2))); }

static int c_fsopen(lua_State *L)
{
    return ret(L, syscall(SYS_fsopen, S(1), (unsigned)I(2)));
}

static int c_fsmount(lua_State *L)
{
    return ret(L, syscall(SYS_fsmount, (int)I(1), (unsigned)I(2),
                          (unsigned)I(3)));
}

static int c_move_mount(lua_State *L)
{
    return ret(L, syscall(SYS_move_mount, (int)I(1), S(2), (int)I(3), S(4),
                          (unsigned)I(5)));
}

static int c_fsconfig(lua_State *L)
{
    const char *value = OPT_S(4);
    return ret(L, syscall(SYS_fsconfig, (int)I(1), (unsigned)I(2), OPT_S(3),
                          value, (int)luaL_optinteger(L, 5, 0)));
}

static int c_fspick(lua_State *L)
{
    return ret(L, syscall(SYS_fspick, (int)I(1), S(2), (unsigned)I(3)));
}

static int c_open_tree(lua_State *L)
{
    return ret(L, syscall(SYS_open_tree, (int)I(1), S(2), (unsigned)I(3)));
}

static lua_Integer opt_field(lua_State *L, int t, const char *k)
{
    lua_getfield(L, t, k);
    lua_Integer v = lua_isnil(L, -1) ? 0 : luaL_checkinteger(L, -1);
    lua_pop(L, 1);
    return v;
}

static int c_mount_setattr(lua_State *L)
{
    luaL_checktype(L, 4, LUA_TTABLE);
    struct mount_attr a = {0};
    a.attr_set = (uint64_t)opt_field(L, 4, "attr_set");
    a.attr_clr = (uint64_t)opt_field(L, 4, "attr_clr");
    a.propagation = (uint64_t)opt_field(L, 4, "propagation");
    a.userns_fd = (uint64_t)opt_field(L, 4, "userns_fd");
    return ret(L, syscall(SYS_mount_setattr, (int)I(1), OPT_S(2),
                          (unsigned)I(3), &a, sizeof a));
}

static int c_pivot_root(lua_State *L)
{
    return ret(L, syscall(SYS_pivot_root, S(1), S(2)));
}

static int c_chroot(lua_State *L) { return ret(L, chroot(S(1))); }
static int c_setsid(lua_State *L) { return ret(L, setsid()); }
static int c_setpgid(lua_State *L)
{
    return ret(L, setpgid((pid_t)I(1), (pid_t)I(2)));
}

static int c_setresuid(lua_State *L)
{
    return ret(L, setresuid((uid_t)I(1), (uid_t)I(2), (uid_t)I(3)));
}

static int c_setresgid(lua_State *L)
{
    return ret(L, setresgid((gid_t)I(1), (gid_t)I(2), (gid_t)I(3)));
}

static int c_unshare(lua_State *L) { return ret(L, unshare((int)I(1))); }
static int c_setns(lua_State *L) { return ret(L, setns((int)I(1), (int)I(2))); }

static int c_seccomp_set_mode_filter(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    if (len == 0 || len % sizeof(struct sock_filter) != 0) {
        errno = EINVAL;
        return ret(L, -1);
    }
    struct sock_fprog prog = {(unsigned short)(len / sizeof(struct sock_filter)),
                              (struct sock_filter *)s};
    return ret(L, prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0));
}

/* ---- landlock ---------------------------------------------------------- */

static const struct { const char *name; uint64_t bit; } fs_access[] = {
    {"execute", LANDLOCK_ACCESS_FS_EXECUTE},
    {"write_file", LANDLOCK_ACCESS_FS_WRITE_FILE},
    {"read_file", LANDLOCK_ACCESS_FS_READ_FILE},
    {"read_dir", LANDLOCK_ACCESS_FS_READ_DIR},
    {"remove_dir", LANDLOCK_ACCESS_FS_REMOVE_DIR},
    {"remove_file", LANDLOCK_ACCESS_FS_REMOVE_FILE},
    {"make_char", LANDLOCK_ACCESS_FS_MAKE_CHAR},
    {"make_dir", LANDLOCK_ACCESS_FS_MAKE_DIR},
    {"make_reg", LANDLOCK_ACCESS_FS_MAKE_REG},
    {"make_sock", LANDLOCK_ACCESS_FS_MAKE_SOCK},
    {"make_fifo", LANDLOCK_ACCESS_FS_MAKE_FIFO},
    {"make_block", LANDLOCK_ACCESS_FS_MAKE_BLOCK},
    {"make_sym", LANDLOCK_ACCESS_FS_MAKE_SYM},
    {"refer", 1ULL << 13},
    {"truncate", 1ULL << 14},
};

static uint64_t access_bits(lua_State *L, int t, const char *field)
{
    uint64_t bits = 0;
    lua_getfield(L, t, field);
    if (lua_istable(L, -1)) {
        size_t n = lua_objlen(L, -1);
        for (size_t i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, (int)i);
            const char *s = luaL_checkstring(L, -1);
            size_t k = 0;
            while (k < sizeof fs_access / sizeof *fs_access &&
                   strcmp(fs_access[k].name, s) != 0)
                k++;
            if (k == sizeof fs_access / sizeof *fs_access)
                luaL_error(L, "unknown landlock access: %s", s);
            bits |= fs_access[k].bit;
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return bits;
}

static int c_landlock_create_ruleset(lua_State *L)
{
    struct landlock_ruleset_attr a = {0};
    if (lua_istable(L, 1))
        a.handled_access_fs = access_bits(L, 1, "handled_access_fs");
    uint32_t flags = 0;
    if (lua_istable(L, 2)) {
        size_t n = lua_objlen(L, 2);
        for (size_t i = 1; i <= n; i++) {
            lua_rawgeti(L, 2, (int)i);
            if (strcmp(luaL_checkstring(L, -1), "version") == 0)
                flags |= LANDLOCK_CREATE_RULESET_VERSION;
            lua_pop(L, 1);
        }
    }
    if (flags)
        return ret(L, syscall(SYS_landlock_create_ruleset, NULL, 0, flags));
    return ret(L, syscall(SYS_landlock_create_ruleset, &a, sizeof a, flags));
}

static int c_landlock_add_rule(lua_State *L)
{
    luaL_argcheck(L, strcmp(S(2), "path_beneath") == 0, 2, "path_beneath");
    luaL_checktype(L, 3, LUA_TTABLE);
    struct landlock_path_beneath_attr a = {0};
    a.allowed_access = access_bits(L, 3, "allowed_access");
    a.parent_fd = (int32_t)opt_field(L, 3, "parent_fd");
    return ret(L, syscall(SYS_landlock_add_rule, (int)I(1),
                          LANDLOCK_RULE_PATH_BENEATH, &a, 0));
}

static int c_landlock_restrict_self(lua_State *L)
{
    return ret(L, syscall(SYS_landlock_restrict_self, (int)I(1), 0));
}

/* ---- helpers ------------------------------------------------------------- */

static int h_mode(lua_State *L)
{
    lua_pushinteger(L, (I(1) << 6) | (I(2) << 3) | I(3));
    return 1;
}

static int h_dev_major(lua_State *L)
{
    lua_pushinteger(L, major((dev_t)I(1)));
    return 1;
}

static int h_dev_minor(lua_State *L)
{
    lua_pushinteger(L, minor((dev_t)I(1)));
    return 1;
}

static int h_write_all(lua_State *L)
{
    int fd = (int)I(1);
    size_t len, done = 0;
    const char *s = luaL_checklstring(L, 2, &len);
    while (done < len) {
        ssize_t n = write(fd, s + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return ret(L, -1);
        done += (size_t)n;
    }
    return ret(L, (long)done);
}

static int h_receive_with_fd(lua_State *L)
{
    int fd = (int)I(1);
    lua_Integer size = luaL_checkinteger(L, 2);
    char *buf = malloc(size > 0 ? (size_t)size : 1);
    union {
        struct cmsghdr align;
        char b[CMSG_SPACE(sizeof(int))];
    } ctl;
    struct iovec iov = {buf, size > 0 ? (size_t)size : 0};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl.b;
    msg.msg_controllen = sizeof ctl.b;
    ssize_t n = buf ? recvmsg(fd, &msg, MSG_CMSG_CLOEXEC) : -1;
    int err = n < 0 ? errno : 0;
    int got = -1;
    struct cmsghdr *c = n >= 0 ? CMSG_FIRSTHDR(&msg) : NULL;
    if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
        memcpy(&got, CMSG_DATA(c), sizeof got);
    if (n < 0) {
        free(buf);
        lua_getglobal(L, "errexit");
        if (lua_toboolean(L, -1))
            _exit(1);
        lua_pop(L, 1);
        lua_pushnil(L);
    } else {
        lua_pushlstring(L, buf, (size_t)n);
        free(buf);
    }
    lua_pushinteger(L, got);
    lua_pushinteger(L, err);
    return 3;
}

static int h_send_with_fd(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 2, &len);
    int fd2 = (int)I(3);
    union {
        struct cmsghdr align;
        char b[CMSG_SPACE(sizeof(int))];
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {(void *)s, len};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl.b;
    msg.msg_controllen = sizeof ctl.b;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd2, sizeof fd2);
    return ret(L, sendmsg((int)I(1), &msg, MSG_NOSIGNAL));
}

static int h_set_no_new_privs(lua_State *L)
{
    return ret(L, prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
}

static int h_bind_unix(lua_State *L)
{
    size_t len;
    const char *path = luaL_checklstring(L, 2, &len);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    if (len >= sizeof a.sun_path) {
        errno = ENAMETOOLONG;
        return ret(L, -1);
    }
    memcpy(a.sun_path, path, len);
    /* an abstract address (leading NUL) is exactly its bytes */
    socklen_t alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len +
                                 (len && path[0] != '\0'));
    return ret(L, bind((int)I(1), (struct sockaddr *)&a, alen));
}

static const luaL_Reg c_funcs[] = {
    {"read", c_read}, {"write", c_write},
    {"sethostname", c_sethostname}, {"setdomainname", c_setdomainname},
    {"setgroups", c_setgroups}, {"cap_set_proc", c_cap_set_proc},
    {"cap_drop_bound", c_cap_drop_bound},
    {"cap_set_ambient", c_cap_set_ambient},
    {"cap_reset_ambient", c_cap_reset_ambient},
    {"cap_set_secbits", c_cap_set_secbits},
    {"execve", c_execve}, {"fexecve", c_fexecve},
    {"dup", c_dup}, {"dup2", c_dup2}, {"close", c_close},
    {"closefrom", c_closefrom}, {"open", c_open},
    {"access", c_access}, {"eaccess", c_eaccess}, {"mkdir", c_mkdir},
    {"chdir", c_chdir}, {"mkfifo", c_mkfifo}, {"socket", c_socket},
    {"listen", c_listen}, {"mknod", c_mknod}, {"makedev", c_makedev},
    {"link", c_link}, {"linkat", c_linkat}, {"symlink", c_symlink},
    {"chown", c_chown}, {"chmod", c_chmod}, {"umask", c_umask},
    {"mount", c_mount}, {"umount", c_umount}, {"umount2", c_umount2},
    {"fsopen", c_fsopen}, {"fsmount", c_fsmount},
    {"move_mount", c_move_mount}, {"fsconfig", c_fsconfig},
    {"fspick", c_fspick}, {"open_tree", c_open_tree},
    {"mount_setattr", c_mount_setattr}, {"pivot_root", c_pivot_root},
    {"chroot", c_chroot}, {"setsid", c_setsid}, {"setpgid", c_setpgid},
    {"setresuid", c_setresuid}, {"setresgid", c_setresgid},
    {"unshare", c_unshare}, {"setns", c_setns},
    {"seccomp_set_mode_filter", c_seccomp_set_mode_filter},
    {"landlock_create_ruleset", c_landlock_create_ruleset},
    {"landlock_add_rule", c_landlock_add_rule},
    {"landlock_restrict_self", c_landlock_restrict_self},
    {NULL, NULL},
};

static const luaL_Reg helpers[] = {
    {"mode", h_mode}, {"dev_major", h_dev_major}, {"dev_minor", h_dev_minor},
    {"write_all", h_write_all}, {"receive_with_fd", h_receive_with_fd},
    {"send_with_fd", h_send_with_fd}, {"set_no_new_privs", h_set_no_new_privs},
    {"bind_unix", h_bind_unix},
    {NULL, NULL},
};

#include "init_script_constants.h"

static void open_api(lua_State *L, int arg)
{
    static const luaL_Reg libs[] = {
        {"", luaopen_base}, {LUA_TABLIBNAME, luaopen_table},
        {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_BITLIBNAME, luaopen_bit}, {NULL, NULL},
    };
    for (const luaL_Reg *l = libs; l->func; l++) {
        lua_pushcfunction(L, l->func);
        lua_pushstring(L, l->name);
        lua_call(L, 1, 0);
    }
    lua_newtable(L);
    luaL_register(L, NULL, c_funcs);
    for (size_t i = 0; i < sizeof constants / sizeof *constants; i++) {
        lua_pushnumber(L, (lua_Number)constants[i].value);
        lua_setfield(L, -2, constants[i].name);
    }
    lua_setglobal(L, "C");
    lua_pushvalue(L, LUA_GLOBALSINDEX);
    luaL_register(L, NULL, helpers);
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
    lua_setglobal(L, "errexit");
    if (arg >= 0) {
        lua_pushinteger(L, arg);
        lua_setglobal(L, "arg");
    }
}

int init_script_run(const char *src, size_t len, int arg)
{
    lua_State *L = lua_newstate(zeroing_alloc, NULL);
    if (!L)
        return -1;
    int rc = 0;
    open_api(L, arg);
    if (luaL_loadbuffer(L, src, len, "=init.script") != 0 ||
        lua_pcall(L, 0, 0, 0) != 0) {
        const char *msg = lua_tostring(L, -1);
        if (msg) {
            write(STDERR_FILENO, "init.script: ", 13);
            write(STDERR_FILENO, msg, strlen(msg));
            write(STDERR_FILENO, "\n", 1);
        }
        rc = -1;
    }
    lua_close(L);
    /* the fd was for the script: the actor does not inherit it */
    if (arg >= 0)
        close(arg);
    return rc;
}
