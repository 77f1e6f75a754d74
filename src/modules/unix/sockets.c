/* The methods of the unix sockets and acceptors.  Each is one system call
 * (connect on a never-opened socket also opens it, as Boost.Asio does). */
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <emilua/filesystem.h>

#include "unix_module.h"

/* ---- the record and addresses -------------------------------------------- */

int usock_open_fd(struct usock *s)
{
    int fd = socket(AF_UNIX, s->socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    int rc = emilua_io_assign(&s->io, fd, false);
    if (rc < 0)
        close(fd);
    return rc;
}

static socklen_t fill_addr(lua_State *L, int argn, struct sockaddr_un *sa,
                           const char *s, size_t len)
{
    memset(sa, 0, sizeof *sa);
    sa->sun_family = AF_UNIX;
    /* A filesystem name needs room for its NUL; an abstract one does not. */
    bool abstract = len > 0 && s[0] == '\0';
    if (len == 0 || len > sizeof sa->sun_path - (abstract ? 0 : 1) ||
        (!abstract && memchr(s, '\0', len)))
        return (socklen_t)emilua_raise_einval_arg(L, argn);
    memcpy(sa->sun_path, s, len);
    return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len +
                       (abstract ? 0 : 1));
}

socklen_t usock_check_path(lua_State *L, int argn, struct sockaddr_un *sa)
{
    size_t len;
    const char *s = emilua_check_path(L, argn, "pathname", &len);
    return fill_addr(L, argn, sa, s, len);
}

socklen_t usock_check_endpoint(lua_State *L, int argn, struct sockaddr_un *sa)
{
    size_t len;
    const char *s = emilua_check_string(L, argn, &len, "ep");
    if (len > 0 && s[0] == '@') {
        char buf[sizeof sa->sun_path];
        if (len > sizeof buf)
            return (socklen_t)emilua_raise_einval_arg(L, argn);
        buf[0] = '\0';
        memcpy(buf + 1, s + 1, len - 1);
        return fill_addr(L, argn, sa, buf, len);
    }
    return fill_addr(L, argn, sa, s, len);
}

void usock_push_path(lua_State *L, const struct sockaddr_un *sa,
                     socklen_t len)
{
    size_t off = offsetof(struct sockaddr_un, sun_path);
    size_t n = len > off ? len - off : 0;
    /* A filesystem name comes back with its NUL (or more padding). */
    if (n > 0 && sa->sun_path[0] != '\0')
        n = strnlen(sa->sun_path, n);
    emilua_push_path(L, sa->sun_path, n);
}

int usock_check_msg_flags(lua_State *L, int argn)
{
    if (lua_isnoneornil(L, argn))
        return 0;
    if (lua_type(L, argn) != LUA_TTABLE)
        return emilua_arg_error(L, argn, "flags", "a table of strings");
    int flags = 0;
    size_t n = lua_objlen(L, argn);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, argn, (int)i);
        const char *name = lua_type(L, -1) == LUA_TSTRING
                               ? lua_tostring(L, -1) : "";
        if (strcmp(name, "peek") != 0)
            return emilua_raise_einval_arg(L, argn);
        flags |= MSG_PEEK;
        lua_pop(L, 1);
    }
    return flags;
}

static int push_nothing(lua_State *L, emilua_io_op *op, ssize_t result)
{
    return 0;
}

/* The index of the string at argn in names, or raises EINVAL (arg). */
static int check_choice(lua_State *L, int argn, const char *param,
                        const char *const *names)
{
    size_t len;
    const char *s = emilua_check_string(L, argn, &len, param);
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return emilua_raise_einval_arg(L, argn);
}

/* ---- opening, binding, listening ----------------------------------------- */

int usock_open(lua_State *L, struct usock *s)
{
    if (s->io.fd >= 0)
        return emilua_raise_error(L, &emilua_asio_misc_category,
                                  EMILUA_ASIO_MISC_ALREADY_OPEN);
    int rc = usock_open_fd(s);
    return rc < 0 ? emilua_io_raise_status(L, rc) : 0;
}

int usock_bind(lua_State *L, struct usock *s)
{
    struct sockaddr_un sa;
    socklen_t len = usock_check_path(L, 2, &sa);
    if (bind(s->io.fd, (struct sockaddr *)&sa, len) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

int usock_listen(lua_State *L, struct usock *s)
{
    lua_Integer backlog = SOMAXCONN;
    if (!lua_isnoneornil(L, 2)) {
        backlog = emilua_check_integer(L, 2, "backlog");
        if (backlog < 0 || backlog > INT32_MAX)
            return emilua_raise_einval_arg(L, 2);
    }
    if (listen(s->io.fd, (int)backlog) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

/* ---- accept ------------------------------------------------------------- */

static ssize_t try_accept(emilua_io *io, emilua_io_op *op)
{
    struct usock *s = (struct usock *)io;
    for (;;) {
        int fd = accept4(io->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0)
            return fd;
        /* A connection the peer gave up on before we took it: Asio hides
         * it unless asked (enable_connection_aborted). */
        if (errno == ECONNABORTED && !s->enable_connection_aborted)
            continue;
        if (errno == EINTR)
            continue;
        return -errno;
    }
}

/* Runs from a libuv callback: may raise only for memory, and then the
 * fd would be lost, so the object is made before the fd is handed over. */
static int push_accepted(lua_State *L, emilua_io_op *op, ssize_t fd)
{
    struct usock *a = (struct usock *)op->io;
    struct usock *s = usock_new(L, usock_accepted_kind(a));
    emilua_io_assign(&s->io, (int)fd, false);
    return 1;
}

int usock_accept(lua_State *L, struct usock *s)
{
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_IN,
                                          try_accept, push_accepted);
    return emilua_io_submit(L, op);
}

/* One readiness check; the layer waits in the op's direction on -EAGAIN.
 * "error" waits with the readers: an error or hang-up wakes both. */
static ssize_t try_wait(emilua_io *io, emilua_io_op *op)
{
    struct pollfd p = {.fd = io->fd, .events = (short)op->flags};
    if (poll(&p, 1, 0) < 0)
        return -errno;
    return p.revents & (op->flags | POLLERR | POLLHUP) ? 0 : -EAGAIN;
}

int usock_wait(lua_State *L, struct usock *s)
{
    static const char *const names[] = {"read", "write", "error", NULL};
    static const short events[] = {POLLIN, POLLOUT, POLLPRI};
    int i = check_choice(L, 2, "wait_type", names);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io,
                                          i == 1 ? EMILUA_IO_OUT : EMILUA_IO_IN,
                                          try_wait, push_nothing);
    op->flags = events[i];
    return emilua_io_submit(L, op);
}

/* ---- connecting --------------------------------------------------------- */

/* AF_UNIX connect() does not go in progress: a full backlog is EAGAIN,
 * and the attempt is made again once the socket is writable. */
static ssize_t try_connect(emilua_io *io, emilua_io_op *op)
{
    if (connect(io->fd, (struct sockaddr *)&op->addr, op->addrlen) == 0)
        return 0;
    if (errno == EINPROGRESS)
        return -EAGAIN;
    return -errno;
}

int usock_connect(lua_State *L, struct usock *s)
{
    struct sockaddr_un sa;
    socklen_t len = usock_check_path(L, 2, &sa);
    if (s->io.fd < 0) {
        int rc = usock_open_fd(s);
        if (rc < 0)
            return emilua_io_push_result(L, rc);
    }
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT,
                                          try_connect, push_nothing);
    memcpy(&op->addr, &sa, len);
    op->addrlen = len;
    return emilua_io_submit(L, op);
}

/* Datagram sockets: connect() only sets the default peer, at once. */
int usock_connect_now(lua_State *L, struct usock *s)
{
    struct sockaddr_un sa;
    socklen_t len = usock_check_path(L, 2, &sa);
    if (s->io.fd < 0) {
        int rc = usock_open_fd(s);
        if (rc < 0)
            return emilua_io_raise_status(L, rc);
    }
    if (connect(s->io.fd, (struct sockaddr *)&sa, len) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

int usock_disconnect(lua_State *L, struct usock *s)
{
    struct sockaddr sa = {.sa_family = AF_UNSPEC};
    if (connect(s->io.fd, &sa, sizeof sa) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

int usock_shutdown(lua_State *L, struct usock *s)
{
    static const char *const names[] = {"receive", "send", "both", NULL};
    static const int how[] = {SHUT_RD, SHUT_WR, SHUT_RDWR};
    int i = check_choice(L, 2, "what", names);
    if (shutdown(s->io.fd, how[i]) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

int usock_io_control(lua_State *L, struct usock *s)
{
    static const char *const names[] = {"bytes_readable", NULL};
    check_choice(L, 2, "command", names);
    int n;
    if (ioctl(s->io.fd, FIONREAD, &n) != 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, n);
    return 1;
}

/* ---- transfers ------------------------------------------------------------
 * A 0-byte read is EOF on stream and seqpacket sockets (seqpacket cannot
 * tell an empty message from the end, and the reference reports EOF);
 * an empty datagram is a datagram. */

static ssize_t try_recv(emilua_io *io, emilua_io_op *op)
{
    struct usock *s = (struct usock *)io;
    op->addrlen = sizeof op->addr;
    ssize_t n = recvfrom(io->fd, op->buf, op->len, op->flags,
                         (struct sockaddr *)&op->addr, &op->addrlen);
    if (n < 0)
        return -errno;
    if (n == 0 && s->socktype != SOCK_DGRAM)
        return EMILUA_EOF;
    return n;
}

static ssize_t try_send(emilua_io *io, emilua_io_op *op)
{
    ssize_t n = sendto(io->fd, op->buf, op->len, op->flags | MSG_NOSIGNAL,
                       op->addrlen ? (struct sockaddr *)&op->addr : NULL,
                       op->addrlen);
    return n >= 0 ? n : -errno;
}

static int push_from(lua_State *L, emilua_io_op *op, ssize_t n)
{
    lua_pushinteger(L, n);
    usock_push_path(L, (struct sockaddr_un *)&op->addr, op->addrlen);
    return 2;
}

/* read_some (stream), receive([flags]), receive_from([flags]). */
int usock_receive(lua_State *L, struct usock *s, bool from)
{
    emilua_byte_span *b = emilua_check_byte_span(L, 2);
    int flags = usock_check_msg_flags(L, 3);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_IN, try_recv,
                                          from ? push_from : NULL);
    emilua_io_op_buffer(op, b);
    op->flags = flags;
    return emilua_io_submit(L, op);
}

/* write_some (stream), send([flags]), send_to(path[, flags]). */
int usock_send(lua_State *L, struct usock *s, bool to)
{
    emilua_byte_span *b = emilua_check_byte_span(L, 2);
    struct sockaddr_un sa;
    socklen_t len = to ? usock_check_path(L, 3, &sa) : 0;
    int flags = usock_check_msg_flags(L, to ? 4 : 3);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT, try_send,
                                          NULL);
    emilua_io_op_buffer(op, b);
    op->flags = flags;
    if (to)
        memcpy(&op->addr, &sa, len);
    op->addrlen = len;
    return emilua_io_submit(L, op);
}

/* ---- options -------------------------------------------------------------- */

enum opt_kind { OPT_BOOL, OPT_INT, OPT_CONN_ABORTED };

struct uopt {
    const char *name;
    enum opt_kind kind;
    int optname;
    unsigned kinds;     /* bit per enum usock_kind that has it */
};

#define K(k) (1u << (k))
#define ACCEPTORS (K(USOCK_STREAM_ACCEPTOR) | K(USOCK_SEQPACKET_ACCEPTOR))
#define SOCKETS (K(USOCK_STREAM) | K(USOCK_SEQPACKET) | K(USOCK_DATAGRAM))

static const struct uopt options[] = {
    {"debug", OPT_BOOL, SO_DEBUG, ACCEPTORS | SOCKETS},
    {"enable_connection_aborted", OPT_CONN_ABORTED, 0, ACCEPTORS},
    {"send_buffer_size", OPT_INT, SO_SNDBUF, SOCKETS},
    {"receive_buffer_size", OPT_INT, SO_RCVBUF, SOCKETS},
    {"send_low_watermark", OPT_INT, SO_SNDLOWAT, K(USOCK_STREAM)},
    {"receive_low_watermark", OPT_INT, SO_RCVLOWAT, K(USOCK_STREAM)},
    {NULL, 0, 0, 0},
};

static enum usock_kind kind_of(const struct usock *s)
{
    if (s->acceptor)
        return s->socktype == SOCK_STREAM ? USOCK_STREAM_ACCEPTOR
                                          : USOCK_SEQPACKET_ACCEPTOR;
    return s->socktype == SOCK_STREAM      ? USOCK_STREAM
           : s->socktype == SOCK_SEQPACKET ? USOCK_SEQPACKET
                                           : USOCK_DATAGRAM;
}

static const struct uopt *find_option(struct usock *s, const char *name)
{
    for (const struct uopt *o = options; o->name; o++)
        if (strcmp(o->name, name) == 0 && (o->kinds & K(kind_of(s))))
            return o;
    return NULL;
}

int usock_set_option(lua_State *L, struct usock *s)
{
    size_t len;
    const char *name = emilua_check_string(L, 2, &len, "opt");
    const struct uopt *o = find_option(s, name);
    if (!o)
        return emilua_raise_einval_arg(L, 2);
    int v;
    if (o->kind == OPT_INT) {
        lua_Integer i = emilua_check_integer(L, 3, "val");
        if (i < 0 || i > INT32_MAX)
            return emilua_raise_einval_arg(L, 3);
        v = (int)i;
    } else {
        if (lua_type(L, 3) != LUA_TBOOLEAN)
            return emilua_arg_error(L, 3, "val", "a boolean");
        v = lua_toboolean(L, 3);
    }
    if (s->io.fd < 0)
        return emilua_raise_errno(L, EBADF);
    if (o->kind == OPT_CONN_ABORTED) {
        s->enable_connection_aborted = v;
        return 0;
    }
    if (setsockopt(s->io.fd, SOL_SOCKET, o->optname, &v, sizeof v) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int push_credentials(lua_State *L, struct usock *s)
{
    struct ucred cr;
    socklen_t len = sizeof cr;
    if (getsockopt(s->io.fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) != 0)
        return emilua_raise_errno(L, errno);
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, cr.uid);
    lua_setfield(L, -2, "uid");
    /* Linux hands over the primary group only. */
    lua_createtable(L, 1, 0);
    lua_pushinteger(L, cr.gid);
    lua_rawseti(L, -2, 1);
    lua_setfield(L, -2, "groups");
    lua_pushinteger(L, cr.pid);
    lua_setfield(L, -2, "pid");
    return 1;
}

static int push_security_label(lua_State *L, struct usock *s)
{
    char buf[256];
    socklen_t len = sizeof buf;
    if (getsockopt(s->io.fd, SOL_SOCKET, SO_PEERSEC, buf, &len) != 0)
        return emilua_raise_errno(L, errno);
    /* The kernel may count a trailing NUL. */
    if (len > 0 && buf[len - 1] == '\0')
        len--;
    lua_pushlstring(L, buf, len);
    return 1;
}

int usock_get_option(lua_State *L, struct usock *s)
{
    size_t len;
    const char *name = emilua_check_string(L, 2, &len, "opt");
    enum usock_kind k = kind_of(s);
    bool peer = k == USOCK_STREAM || k == USOCK_SEQPACKET;
    if (peer && strcmp(name, "remote_credentials") == 0)
        return push_credentials(L, s);
    if (peer && strcmp(name, "remote_security_label") == 0)
        return push_security_label(L, s);
    /* FreeBSD's MAC labels: Linux has no such option. */
    if (peer && strcmp(name, "remote_security_labels") == 0)
        return emilua_raise_errno(L, ENOTSUP);
    const struct uopt *o = find_option(s, name);
    if (!o)
        return emilua_raise_einval_arg(L, 2);
    if (s->io.fd < 0)
        return emilua_raise_errno(L, EBADF);
    if (o->kind == OPT_CONN_ABORTED) {
        lua_pushboolean(L, s->enable_connection_aborted);
        return 1;
    }
    int v;
    socklen_t vlen = sizeof v;
    if (getsockopt(s->io.fd, SOL_SOCKET, o->optname, &v, &vlen) != 0)
        return emilua_raise_errno(L, errno);
    if (o->kind == OPT_BOOL)
        lua_pushboolean(L, v);
    else
        lua_pushinteger(L, v);
    return 1;
}

/* ---- properties ------------------------------------------------------------ */

static int push_name(lua_State *L, struct usock *s, bool peer)
{
    struct sockaddr_un sa;
    socklen_t len = sizeof sa;
    int rc = peer ? getpeername(s->io.fd, (struct sockaddr *)&sa, &len)
                  : getsockname(s->io.fd, (struct sockaddr *)&sa, &len);
    if (rc != 0)
        return emilua_raise_errno(L, errno);
    usock_push_path(L, &sa, len);
    return 1;
}

int usock_index(lua_State *L, struct usock *s)
{
    const char *key;
    if (emilua_io_index_common(L, &s->io, &key))
        return 1;
    if (strcmp(key, "local_path") == 0)
        return push_name(L, s, false);
    if (!s->acceptor && strcmp(key, "remote_path") == 0)
        return push_name(L, s, true);
    return luaL_error(L, "%s: no field '%s'", usock_types[kind_of(s)].name,
                      key);
}
