/* file_descriptor: an owned fd, closed by close() or by the garbage
 * collector.  Every release() of an IO object returns one and every
 * assign() takes one (include/emilua/file_descriptor.h).  Lua cannot make
 * one from an integer. */
#include <fcntl.h>
#include <linux/kcmp.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <netinet/in.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>
#include <emilua/filesystem.h>
#include <emilua/linux_capabilities.h>

struct fd_udata {
    int fd;             /* -1 once closed */
};

static int fd_close(lua_State *L);
static int fd_dup(lua_State *L);
static int fd_is_socket(lua_State *L);
static int fd_kcmp(lua_State *L);
static int fd_openat(lua_State *L);
static int fd_cap_get(lua_State *L);
static int fd_cap_set(lua_State *L);
static int fd_gc(lua_State *L);
static int fd_tostring(lua_State *L);
static int fd_newindex(lua_State *L);
static int fd_property(lua_State *L);

static const emilua_reg fd_methods[] = {
    {"close", fd_close, 0},
    {"dup", fd_dup, 0},
    {"is_socket", fd_is_socket, 0},
    {"kcmp", fd_kcmp, 0},
    {"openat", fd_openat, 0},
    {"cap_get", fd_cap_get, 0},
    {"cap_set", fd_cap_set, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg fd_meta[] = {
    {"__gc", fd_gc},
    {"__tostring", fd_tostring},
    {"__newindex", fd_newindex},
    {NULL, NULL},
};

static const emilua_udata_type fd_type = {
    "file_descriptor", fd_methods, fd_meta, fd_property,
};

void emilua_push_file_descriptor(lua_State *L, int fd)
{
    struct fd_udata *u = emilua_new_udata(L, &fd_type, sizeof *u);
    u->fd = fd;
}

static struct fd_udata *check_open(lua_State *L, int argn, const char *name)
{
    struct fd_udata *u = emilua_test_udata(L, argn, &fd_type);
    if (!u)
        emilua_arg_error(L, argn, name, "a file_descriptor");
    if (u->fd < 0)
        emilua_raise_errno(L, EBADF);
    return u;
}

int emilua_test_file_descriptor(lua_State *L, int idx)
{
    struct fd_udata *u = emilua_test_udata(L, idx, &fd_type);
    return !u ? -EINVAL : u->fd < 0 ? -EBADF : u->fd;
}

int emilua_check_file_descriptor(lua_State *L, int argn, const char *name)
{
    return check_open(L, argn, name)->fd;
}

int emilua_take_file_descriptor(lua_State *L, int argn, const char *name)
{
    struct fd_udata *u = check_open(L, argn, name);
    int fd = u->fd;
    u->fd = -1;
    return fd;
}

static int fd_close(lua_State *L)
{
    struct fd_udata *u = emilua_check_udata(L, 1, &fd_type);
    /* Closing twice is allowed; Linux releases the fd even on EINTR, so
     * it is never retried. */
    if (u->fd >= 0) {
        int fd = u->fd;
        u->fd = -1;
        if (close(fd) != 0 && errno != EINTR)
            return emilua_raise_errno(L, errno);
    }
    return 0;
}

static int fd_dup(lua_State *L)
{
    int fd = emilua_check_file_descriptor(L, 1, "self");
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return emilua_raise_errno(L, errno);
    emilua_push_file_descriptor(L, nfd);
    return 1;
}

/* The index of the string at argn in names, or raises (EINVAL arg). */
static int check_name(lua_State *L, int argn, const char *param,
                      const char *const *names)
{
    size_t len;
    const char *s = emilua_check_string(L, argn, &len, param);
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return emilua_raise_einval_arg(L, argn);
}

static int sockopt_int(int fd, int name)
{
    int v = -1;
    socklen_t len = sizeof v;
    return getsockopt(fd, SOL_SOCKET, name, &v, &len) == 0 ? v : -1;
}

static int fd_is_socket(lua_State *L)
{
    static const char *const families[] = {"unix", "inet", "inet6", NULL};
    static const int family_of[] = {AF_UNIX, AF_INET, AF_INET6};
    static const char *const types[] = {"stream", "datagram", "seqpacket",
                                        NULL};
    static const int type_of[] = {SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET};
    static const char *const protos[] = {"tcp", "udp", NULL};
    static const int proto_of[] = {IPPROTO_TCP, IPPROTO_UDP};
    int fd = emilua_check_file_descriptor(L, 1, "self");
    int family = family_of[check_name(L, 2, "family", families)];
    int type = lua_isnoneornil(L, 3) ? -1
                                     : type_of[check_name(L, 3, "type", types)];
    int proto = lua_isnoneornil(L, 4)
                    ? -1 : proto_of[check_name(L, 4, "protocol", protos)];
    struct stat st;
    if (fstat(fd, &st) != 0)
        return emilua_raise_errno(L, errno);
    bool yes = S_ISSOCK(st.st_mode) &&
               sockopt_int(fd, SO_DOMAIN) == family &&
               (type < 0 || sockopt_int(fd, SO_TYPE) == type) &&
               (proto < 0 || sockopt_int(fd, SO_PROTOCOL) == proto);
    lua_pushboolean(L, yes);
    return 1;
}

static int fd_kcmp(lua_State *L)
{
    int fd = emilua_check_file_descriptor(L, 1, "self");
    int other = emilua_check_file_descriptor(L, 2, "other");
    pid_t pid = getpid();
    long r = syscall(SYS_kcmp, pid, pid, KCMP_FILE, fd, other);
    if (r < 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, r);
    return 1;
}

static const struct {
    const char *name;
    uint64_t flag;
    bool resolve;       /* an openat2() RESOLVE_* flag */
} open_flags[] = {
    {"append", O_APPEND, false},
    {"create", O_CREAT, false},
    {"directory", O_DIRECTORY, false},
    {"exclusive", O_EXCL, false},
    {"no_follow", O_NOFOLLOW, false},
    {"path", O_PATH, false},
    {"read_only", O_RDONLY, false},
    {"read_write", O_RDWR, false},
    {"sync_all_on_write", O_SYNC, false},
    {"temporary", O_TMPFILE, false},
    {"truncate", O_TRUNC, false},
    {"write_only", O_WRONLY, false},
    {"resolve_beneath", RESOLVE_BENEATH, true},
    {"resolve_in_root", RESOLVE_IN_ROOT, true},
    {"resolve_no_magiclinks", RESOLVE_NO_MAGICLINKS, true},
    {"resolve_no_symlinks", RESOLVE_NO_SYMLINKS, true},
    {"resolve_no_xdev", RESOLVE_NO_XDEV, true},
    {"resolve_cached", RESOLVE_CACHED, true},
};

/* openat(path, flags[, mode]): openat2(2), which takes RESOLVE_* flags
 * and refuses unknown bits instead of ignoring them. */
static int fd_openat(lua_State *L)
{
    int dirfd = emilua_check_file_descriptor(L, 1, "self");
    const char *path = emilua_check_path_cstr(L, 2, "path");
    emilua_check_type(L, 3, LUA_TTABLE, "flags");
    struct open_how how = {.flags = O_NOCTTY | O_CLOEXEC};
    size_t n = lua_objlen(L, 3);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, 3, (int)i);
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                       : "";
        size_t k = 0, nflags = sizeof open_flags / sizeof *open_flags;
        while (k < nflags && strcmp(s, open_flags[k].name) != 0)
            k++;
        if (k == nflags)
            return emilua_raise_einval_arg(L, 3);
        if (open_flags[k].resolve)
            how.resolve |= open_flags[k].flag;
        else
            how.flags |= open_flags[k].flag;
        lua_pop(L, 1);
    }
    bool needs_mode = (how.flags & O_CREAT) ||
                      (how.flags & O_TMPFILE) == O_TMPFILE;
    if (!lua_isnoneornil(L, 4)) {
        lua_Integer mode = emilua_check_integer(L, 4, "mode");
        if (!needs_mode || mode < 0 || mode > 07777)
            return emilua_raise_einval_arg(L, 4);
        how.mode = (uint64_t)mode;
    } else if (needs_mode) {
        how.mode = 0666;  /* the umask narrows it, as for open(2) callers */
    }
    long fd = syscall(SYS_openat2, dirfd, path, &how, sizeof how);
    if (fd < 0)
        return emilua_raise_errno(L, errno);
    emilua_push_file_descriptor(L, (int)fd);
    return 1;
}

static int fd_cap_get(lua_State *L)
{
    int fd = emilua_check_file_descriptor(L, 1, "self");
    cap_t caps = cap_get_fd(fd);
    if (!caps)
        return emilua_raise_errno(L, errno);
    emilua_push_linux_capabilities(L, caps);
    return 1;
}

static int fd_cap_set(lua_State *L)
{
    int fd = emilua_check_file_descriptor(L, 1, "self");
    cap_t caps = emilua_check_linux_capabilities(L, 2, "caps");
    if (cap_set_fd(fd, caps) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static const char *type_name(mode_t m)
{
    switch (m & S_IFMT) {
    case S_IFREG: return "regular";
    case S_IFDIR: return "directory";
    case S_IFLNK: return "symlink";
    case S_IFBLK: return "block";
    case S_IFCHR: return "character";
    case S_IFIFO: return "fifo";
    case S_IFSOCK: return "socket";
    default: return "unknown";
    }
}

/* __index: the methods (upvalue), then the properties non_blocking and
 * type. */
static int fd_property(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
    if (strcmp(key, "non_blocking") == 0) {
        int fl = fcntl(emilua_check_file_descriptor(L, 1, "self"), F_GETFL);
        if (fl < 0)
            return emilua_raise_errno(L, errno);
        lua_pushboolean(L, fl & O_NONBLOCK);
        return 1;
    }
    if (strcmp(key, "type") == 0) {
        struct stat st;
        if (fstat(emilua_check_file_descriptor(L, 1, "self"), &st) != 0)
            return emilua_raise_errno(L, errno);
        lua_pushstring(L, type_name(st.st_mode));
        return 1;
    }
    return luaL_error(L, "file_descriptor: no field '%s'", key);
}

static int fd_newindex(lua_State *L)
{
    int fd = emilua_check_file_descriptor(L, 1, "self");
    const char *key = lua_tostring(L, 2);
    if (!key || strcmp(key, "non_blocking") != 0)
        return emilua_raise_einval_arg(L, 2);
    if (lua_type(L, 3) != LUA_TBOOLEAN)
        return emilua_arg_error(L, 3, "value", "a boolean");
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return emilua_raise_errno(L, errno);
    fl = lua_toboolean(L, 3) ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
    if (fcntl(fd, F_SETFL, fl) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int fd_tostring(lua_State *L)
{
    struct fd_udata *u = emilua_check_udata(L, 1, &fd_type);
    if (u->fd < 0)
        lua_pushliteral(L, "/dev/fd/closed");
    else
        lua_pushfstring(L, "/dev/fd/%d", u->fd);
    return 1;
}

static int fd_gc(lua_State *L)
{
    struct fd_udata *u = lua_touserdata(L, 1);
    if (u->fd >= 0)
        close(u->fd);
    u->fd = -1;
    return 0;
}
