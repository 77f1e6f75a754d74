/* libc_service.master: receive() takes the next request from the slave,
 * arguments()/descriptors()/function_ show it, and send(),
 * send_with_fds() or use_slave_credentials() answer it.  A malformed
 * request breaks the service: receive() raises EBADMSG (then and ever
 * after) and the socket is shut down, so the slave's calls fail too.
 * Replies never suspend: the slave is blocked on its one request, so
 * the socket's buffer has room for the answer. */
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>
#include <emilua/filesystem.h>
#include <emilua/io.h>
#include <emilua/io_methods.h>
#include <emilua/ip.h>

#include "libc_service/wire.h"
#include "lcs_module.h"

struct master {
    emilua_io io;
    bool have_request;      /* function_ and arguments() have a value */
    bool pending;           /* ... and it awaits its reply */
    bool broken;
    int fd_in;              /* the fd beside the request, or -1 */
    struct lcs_request req;
    struct lcs_reply rep;
    unsigned char buf[LCS_MAX_REQUEST + 1];
};

static const emilua_udata_type master_type;

static struct master *check_master(lua_State *L)
{
    return emilua_object_check(L, 1, &master_type);
}

static void drop_fd_in(struct master *m)
{
    if (m->fd_in >= 0)
        close(m->fd_in);
    m->fd_in = -1;
}

static void master_finalize(emilua_io *io)
{
    drop_fd_in((struct master *)io);
}

/* ---- receive ---------------------------------------------------------- */

static ssize_t try_receive(emilua_io *io, emilua_io_op *op)
{
    struct master *m = (struct master *)io;
    if (m->broken)
        return -EBADMSG;
    union {
        struct cmsghdr h;
        unsigned char b[CMSG_SPACE(2 * sizeof(int))];
    } ctl;
    struct iovec iov = {m->buf, sizeof m->buf};
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1,
        .msg_control = &ctl, .msg_controllen = sizeof ctl,
    };
    ssize_t n = recvmsg(io->fd, &msg, MSG_CMSG_CLOEXEC);
    if (n < 0)
        return -errno;
    int fds[2], nfds = 0;
    for (struct cmsghdr *h = CMSG_FIRSTHDR(&msg); h;
         h = CMSG_NXTHDR(&msg, h)) {
        if (h->cmsg_level != SOL_SOCKET || h->cmsg_type != SCM_RIGHTS)
            continue;
        size_t count = (h->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < count; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(h) + i * sizeof(int), sizeof fd);
            if (nfds < 2)
                fds[nfds++] = fd;
            else
                close(fd);
        }
    }
    if (n == 0 && nfds == 0)
        return EMILUA_EOF;
    int rc = -EBADMSG;
    if (!(msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)))
        rc = lcs_decode_request(m->buf, (size_t)n, nfds, &m->req);
    if (rc < 0) {
        for (int i = 0; i < nfds; i++)
            close(fds[i]);
        m->broken = true;
        shutdown(io->fd, SHUT_RDWR);
        return rc;
    }
    m->fd_in = nfds ? fds[0] : -1;
    m->have_request = m->pending = true;
    return 0;
}

static int push_nothing(lua_State *L, emilua_io_op *op, ssize_t result)
{
    return 0;
}

static int master_receive(lua_State *L)
{
    struct master *m = check_master(L);
    if (m->broken)
        return emilua_raise_errno(L, EBADMSG);
    if (m->pending)
        return emilua_raise_errno(L, EBUSY);    /* answer it first */
    emilua_io_op *op = emilua_io_op_begin(L, &m->io, EMILUA_IO_IN,
                                          try_receive, push_nothing);
    drop_fd_in(m);
    m->have_request = false;
    return emilua_io_submit(L, op);
}

/* ---- the request ------------------------------------------------------- */

static const char *const open_flag_names[] = {
    "append", "create", "directory", "exclusive", "no_follow", "path",
    "read_only", "read_write", "sync_all_on_write", "temporary",
    "truncate", "write_only",
};
static const char *const resolve_names[] = {
    "resolve_beneath", "resolve_in_root", "resolve_no_magiclinks",
    "resolve_no_symlinks", "resolve_no_xdev", "resolve_cached",
};

static void push_names(lua_State *L, uint32_t bits,
                       const char *const *names, int count, int *n)
{
    for (int i = 0; i < count; i++)
        if (bits & (1u << i)) {
            lua_pushstring(L, names[i]);
            lua_rawseti(L, -2, ++*n);
        }
}

static void push_path(lua_State *L, const char *s, uint32_t len)
{
    emilua_push_path(L, s, len);
}

static int push_arguments(lua_State *L, const struct lcs_request *r)
{
    switch (r->fn) {
    case LCS_OPEN:
    case LCS_OPENAT: {
        push_path(L, r->str1, r->len1);
        lua_newtable(L);
        int n = 0;
        push_names(L, r->flags, open_flag_names, 12, &n);
        if (r->fn == LCS_OPENAT)
            push_names(L, r->resolve, resolve_names, 6, &n);
        if (!(r->flags & (LCS_O_CREATE | LCS_O_TEMPORARY)))
            return 2;
        lua_pushinteger(L, r->mode);
        return 3;
    }
    case LCS_RENAME:
        push_path(L, r->str1, r->len1);
        push_path(L, r->str2, r->len2);
        return 2;
    case LCS_ACCESS:
    case LCS_EACCESS:
        push_path(L, r->str1, r->len1);
        if (r->amode == 0) {
            lua_pushliteral(L, "f");
        } else {
            static const char *const modes[] = {"r", "w", "x"};
            int n = 0;
            lua_newtable(L);
            push_names(L, r->amode, modes, 3, &n);
        }
        return 2;
    case LCS_MKDIR:
        push_path(L, r->str1, r->len1);
        lua_pushinteger(L, r->mode);
        return 2;
    case LCS_CONNECT_INET:
    case LCS_CONNECT_INET6:
    case LCS_BIND_INET:
    case LCS_BIND_INET6: {
        bool v6 = r->fn == LCS_CONNECT_INET6 || r->fn == LCS_BIND_INET6;
        emilua_ip_address a = {.family = v6 ? AF_INET6 : AF_INET,
                               .scope_id = r->scope_id};
        memcpy(a.bytes, r->addr, 16);
        emilua_push_ip_address(L, &a);
        lua_pushinteger(L, r->port);
        return 2;
    }
    case LCS_GETADDRINFO:
        if (r->flags & LCS_GAI_NODE)
            lua_pushlstring(L, r->str1, r->len1);
        else
            lua_pushnil(L);
        if (r->flags & LCS_GAI_SERVICE)
            lua_pushlstring(L, r->str2, r->len2);
        else
            lua_pushnil(L);
        if (r->protocol == LCS_PROTO_NONE)
            lua_pushnil(L);
        else
            lua_pushstring(L, r->protocol == LCS_PROTO_TCP ? "tcp" : "udp");
        return 3;
    default:    /* the functions of one path */
        push_path(L, r->str1, r->len1);
        return 1;
    }
}

static int master_arguments(lua_State *L)
{
    struct master *m = check_master(L);
    return m->have_request ? push_arguments(L, &m->req) : 0;
}

static int master_descriptors(lua_State *L)
{
    struct master *m = check_master(L);
    if (m->fd_in < 0)
        return 0;
    emilua_push_file_descriptor(L, m->fd_in);
    m->fd_in = -1;
    return 1;
}

/* ---- the reply ----------------------------------------------------------- */

/* errno: nil, an integer, or an error table (generic or system: on Linux
 * both codes are errno values). */
static int32_t check_errno(lua_State *L, int argn)
{
    lua_Integer e;
    if (lua_isnoneornil(L, argn))
        return 0;
    if (lua_type(L, argn) == LUA_TTABLE) {
        lua_getfield(L, argn, "code");
        if (lua_type(L, -1) != LUA_TNUMBER)
            emilua_arg_error(L, argn, "errno", "an integer or an error");
        e = lua_tointeger(L, -1);
        lua_pop(L, 1);
    } else {
        e = emilua_check_integer(L, argn, "errno");
    }
    if (e < 0 || e > LCS_MAX_ERRNO)
        emilua_raise_einval_arg(L, argn);
    return (int32_t)e;
}

static int32_t check_int_result(lua_State *L, int argn)
{
    lua_Integer v = emilua_check_integer(L, argn, "result");
    if (v < INT32_MIN || v > INT32_MAX)
        emilua_raise_einval_arg(L, argn);
    return (int32_t)v;
}

/* A numeric field of a stat table, >= 0. */
static uint64_t stat_field(lua_State *L, int t, int argn, const char *k)
{
    lua_getfield(L, t, k);
    if (lua_type(L, -1) != LUA_TNUMBER)
        emilua_raise_einval_arg(L, argn);
    lua_Number v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(v >= 0 && v < 18446744073709551616.0) || v != (lua_Number)(uint64_t)v)
        emilua_raise_einval_arg(L, argn);
    return (uint64_t)v;
}

static void time_field(lua_State *L, int t, int argn, const char *k,
                       int64_t *sec, int64_t *nsec)
{
    struct timespec ts;
    lua_getfield(L, t, k);
    if (!emilua_test_fs_time_point(L, lua_gettop(L), &ts))
        emilua_raise_einval_arg(L, argn);
    lua_pop(L, 1);
    *sec = ts.tv_sec;
    *nsec = ts.tv_nsec;
}

static void check_stat(lua_State *L, int argn, struct lcs_stat *st)
{
    static const char *const types[] = {
        "regular", "directory", "symlink", "block", "character", "fifo",
        "socket", NULL};
    static const uint64_t bits[] = {
        S_IFREG, S_IFDIR, S_IFLNK, S_IFBLK, S_IFCHR, S_IFIFO, S_IFSOCK};
    memset(st, 0, sizeof *st);
    st->dev = stat_field(L, argn, argn, "dev");
    st->ino = stat_field(L, argn, argn, "ino");
    st->mode = stat_field(L, argn, argn, "mode");
    st->nlink = stat_field(L, argn, argn, "nlink");
    st->uid = stat_field(L, argn, argn, "uid");
    st->gid = stat_field(L, argn, argn, "gid");
    st->rdev = stat_field(L, argn, argn, "rdev");
    st->size = (int64_t)stat_field(L, argn, argn, "size");
    st->blksize = (int64_t)stat_field(L, argn, argn, "blksize");
    if (st->mode > 07777 || st->size < 0 || st->blksize < 0)
        emilua_raise_einval_arg(L, argn);
    lua_getfield(L, argn, "type");
    const char *ty = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    int i = 0;
    while (types[i] && strcmp(types[i], ty) != 0)
        i++;
    if (!types[i])
        emilua_raise_einval_arg(L, argn);
    lua_pop(L, 1);
    st->mode |= bits[i];
    time_field(L, argn, argn, "atime", &st->atime_sec, &st->atime_nsec);
    time_field(L, argn, argn, "mtime", &st->mtime_sec, &st->mtime_nsec);
    time_field(L, argn, argn, "ctime", &st->ctime_sec, &st->ctime_nsec);
}

static void check_addrinfo(lua_State *L, int argn, struct lcs_reply *r)
{
    static const char *const names[] = {
        "again", "badflags", "fail", "family", "memory", "noname",
        "service", "socktype", "system", NULL};
    if (lua_isnil(L, argn))
        return;                 /* the empty success */
    if (lua_type(L, argn) == LUA_TSTRING) {
        const char *s = lua_tostring(L, argn);
        int i = 0;
        while (names[i] && strcmp(names[i], s) != 0)
            i++;
        if (!names[i])
            emilua_raise_einval_arg(L, argn);
        r->result = LCS_EAI_AGAIN + i;
        return;
    }
    if (lua_type(L, argn) != LUA_TTABLE)
        emilua_arg_error(L, argn, "result", "a table, a string or nil");
    size_t n = lua_objlen(L, argn);
    if (n > LCS_MAX_ADDRS)
        emilua_raise_einval_arg(L, argn);
    for (size_t i = 0; i < n; i++) {
        struct lcs_addr *a = &r->addrs[i];
        lua_rawgeti(L, argn, (int)i + 1);
        int e = lua_gettop(L);
        if (!lua_istable(L, e))
            emilua_raise_einval_arg(L, argn);
        lua_getfield(L, e, "ip");
        emilua_ip_address *ip = emilua_test_ip_address(L, -1);
        lua_getfield(L, e, "service");
        if (!ip || !(lua_isnil(L, -1) || lua_type(L, -1) == LUA_TNUMBER))
            emilua_raise_einval_arg(L, argn);
        memset(a, 0, sizeof *a);
        a->family = ip->family == AF_INET ? 4 : 6;
        memcpy(a->bytes, ip->bytes, a->family == 4 ? 4 : 16);
        a->scope_id = a->family == 6 ? ip->scope_id : 0;
        if (!lua_isnil(L, -1)) {
            lua_Number p = lua_tonumber(L, -1);
            if (!(p >= 0 && p <= 65535) || p != (int)p)
                emilua_raise_einval_arg(L, argn);
            a->has_port = 1;
            a->port = (uint16_t)p;
        }
        lua_settop(L, e - 1);
    }
    r->count = (uint32_t)n;
}

static int transmit(lua_State *L, struct master *m, const int *fds, int nfds)
{
    unsigned char buf[LCS_MAX_REPLY];
    size_t len = lcs_encode_reply(&m->rep, buf);
    if (len == 0)   /* e.g. an fd with a negative result */
        return emilua_raise_einval_arg(L, 2);
    union {
        struct cmsghdr h;
        unsigned char b[CMSG_SPACE(sizeof(int))];
    } ctl;
    struct iovec iov = {buf, len};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
    if (nfds) {
        memset(&ctl, 0, sizeof ctl);
        msg.msg_control = &ctl;
        msg.msg_controllen = CMSG_SPACE(sizeof(int));
        struct cmsghdr *h = CMSG_FIRSTHDR(&msg);
        h->cmsg_level = SOL_SOCKET;
        h->cmsg_type = SCM_RIGHTS;
        h->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(h), fds, sizeof(int));
    }
    if (sendmsg(m->io.fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL) < 0)
        return emilua_raise_errno(L, errno);
    m->pending = false;
    return 0;
}

static struct master *begin_reply(lua_State *L)
{
    struct master *m = check_master(L);
    if (m->io.fd < 0)
        emilua_raise_errno(L, EBADF);
    if (!m->pending)
        emilua_raise_errno(L, ENOMSG);  /* nothing to answer */
    memset(&m->rep, 0, offsetof(struct lcs_reply, addrs));
    m->rep.fn = m->req.fn;
    return m;
}

/* result at 2, errno at errn. */
static void check_result(lua_State *L, struct master *m, int errn)
{
    struct lcs_reply *r = &m->rep;
    int fn = r->fn;
    if (fn == LCS_STAT || fn == LCS_LSTAT) {
        if (lua_type(L, 2) == LUA_TTABLE) {
            check_stat(L, 2, &r->st);
            r->count = 1;
            check_errno(L, errn);   /* checked, though success has none */
            return;
        }
        r->result = check_int_result(L, 2);
        if (r->result != -1)
            emilua_raise_einval_arg(L, 2);
    } else if (fn == LCS_GETADDRINFO) {
        check_addrinfo(L, 2, r);
        r->err = check_errno(L, errn);
        if (r->result != LCS_EAI_SYSTEM)
            r->err = 0;
        return;
    } else {
        r->result = check_int_result(L, 2);
    }
    r->err = check_errno(L, errn);
}

static int master_send(lua_State *L)
{
    struct master *m = begin_reply(L);
    check_result(L, m, 3);
    return transmit(L, m, NULL, 0);
}

static int master_send_with_fds(lua_State *L)
{
    struct master *m = begin_reply(L);
    check_result(L, m, 4);
    emilua_check_type(L, 3, LUA_TTABLE, "fds");
    size_t n = lua_objlen(L, 3);
    if (n > 1 || (n == 1 && !lcs_reply_may_carry_fd(m->rep.fn)))
        return emilua_raise_einval_arg(L, 3);
    int fd = -1;
    if (n == 1) {
        lua_rawgeti(L, 3, 1);
        fd = emilua_test_file_descriptor(L, -1);
        if (fd == -EBADF)
            return emilua_raise_errno(L, EBADF);
        if (fd < 0)
            return emilua_arg_error(L, 3, "fds", "a file_descriptor[]");
        lua_pop(L, 1);
        m->rep.nfds = 1;
    }
    return transmit(L, m, &fd, (int)n);
}

static int master_use_slave_credentials(lua_State *L)
{
    struct master *m = begin_reply(L);
    m->rep.kind = LCS_REPLY_USE_SLAVE_CREDENTIALS;
    return transmit(L, m, NULL, 0);
}

static int master_close(lua_State *L)
{
    struct master *m = check_master(L);
    drop_fd_in(m);
    m->pending = false;
    return emilua_io_method_close(L, &m->io);
}

static int master_index(lua_State *L)
{
    struct master *m = check_master(L);
    const char *key;
    if (emilua_io_index_common(L, &m->io, &key))
        return 1;
    if (strcmp(key, "function_") == 0) {
        if (m->have_request)
            lua_pushstring(L, lcs_fn_names[m->req.fn]);
        else
            lua_pushnil(L);
        return 1;
    }
    return luaL_error(L, "libc_service.master: no field '%s'", key);
}

static const emilua_reg master_methods[] = {
    {"receive", master_receive, EMILUA_SUSPENDS},
    {"arguments", master_arguments, 0},
    {"descriptors", master_descriptors, 0},
    {"send", master_send, 0},
    {"send_with_fds", master_send_with_fds, 0},
    {"use_slave_credentials", master_use_slave_credentials, 0},
    {"close", master_close, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg master_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type master_type = {
    "libc_service.master", master_methods, master_meta, master_index,
};

int lcs_push_master(lua_State *L, int fd)
{
    struct master *m = emilua_io_new(L, &master_type, sizeof *m);
    m->fd_in = -1;
    m->io.finalize = master_finalize;
    int rc = emilua_io_assign(&m->io, fd, true);
    if (rc < 0)
        lua_pop(L, 1);
    return rc;
}
