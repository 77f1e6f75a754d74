/* What ip.tcp.acceptor, ip.tcp.socket and ip.udp.socket have in common:
 * opening, binding, closing, handing the fd over, readiness waits, the
 * half-closes and the properties.  Each method is one system call. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <emilua/asio_error.h>
#include <emilua/file_descriptor.h>

#include "socket.h"

/* ---- the record ---------------------------------------------------------- */

struct ip_sock *ipsock_new(lua_State *L, const emilua_udata_type *type)
{
    struct ip_sock *s = emilua_io_new(L, type, sizeof *s);
    if (type == &emilua_ip_udp_socket_type) {
        s->socktype = SOCK_DGRAM;
        s->options = ipsock_udp_options;
    } else {
        s->socktype = SOCK_STREAM;
        s->options = type == &emilua_ip_tcp_socket_type
                         ? ipsock_tcp_options : ipsock_acceptor_options;
    }
    return s;
}

struct ip_sock *ipsock_check(lua_State *L, int argn)
{
    static const emilua_udata_type *const types[] = {
        &emilua_ip_tcp_socket_type, &emilua_ip_udp_socket_type,
        &emilua_ip_tcp_acceptor_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        struct ip_sock *s = emilua_object_test(L, argn, types[i]);
        if (s)
            return s;
    }
    emilua_arg_error(L, argn, argn == 1 ? "self" : "sock",
                     "an ip socket");
    return NULL;
}

int ipsock_open_family(struct ip_sock *s, int family)
{
    int fd = socket(family, s->socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    int rc = emilua_io_assign(&s->io, fd, false);
    if (rc < 0) {
        close(fd);
        return rc;
    }
    s->family = family;
    return 0;
}

/* ---- arguments ----------------------------------------------------------- */

int ipsock_check_family(lua_State *L, int argn)
{
    emilua_ip_address *a = emilua_test_ip_address(L, argn);
    if (a)
        return a->family;
    size_t len;
    const char *s = lua_type(L, argn) == LUA_TSTRING
                        ? lua_tolstring(L, argn, &len) : NULL;
    if (!s)
        emilua_arg_error(L, argn, "address_family",
                         "\"v4\", \"v6\" or an ip.address");
    if (strcmp(s, "v4") == 0)
        return AF_INET;
    if (strcmp(s, "v6") == 0)
        return AF_INET6;
    return emilua_raise_einval_arg(L, argn);
}

socklen_t ipsock_check_endpoint(lua_State *L, int argn,
                                struct sockaddr_storage *ss)
{
    emilua_ip_address parsed;
    emilua_ip_address *a = emilua_test_ip_address(L, argn);
    if (!a) {
        size_t len;
        if (lua_type(L, argn) != LUA_TSTRING)
            emilua_arg_error(L, argn, "addr",
                             "an ip.address or a string");
        const char *text = lua_tolstring(L, argn, &len);
        if (!emilua_ip_parse(text, len, &parsed))
            emilua_raise_einval_arg(L, argn);
        a = &parsed;
    }
    uint16_t port = emilua_check_ip_port(L, argn + 1);
    return emilua_ip_to_sockaddr(a, port, ss);
}

emilua_byte_span *ipsock_check_buffer(lua_State *L, int argn,
                                      bool string_ok)
{
    emilua_byte_span *s = emilua_test_byte_span(L, argn);
    if (s || (string_ok && lua_type(L, argn) == LUA_TSTRING))
        return s;
    emilua_arg_error(L, argn, "buffer",
                     string_ok ? "a byte_span or a string" : "a byte_span");
    return NULL;
}

void ipsock_op_buffer(lua_State *L, emilua_io_op *op, int argn,
                      const emilua_byte_span *s)
{
    if (s) {
        emilua_io_op_buffer(op, s);
        return;
    }
    size_t len;
    op->buf = (unsigned char *)lua_tolstring(L, argn, &len);
    op->len = len;
}

int ipsock_check_msg_flags(lua_State *L, int argn)
{
    static const struct { const char *name; int flag; } names[] = {
        {"do_not_route", MSG_DONTROUTE}, {"end_of_record", MSG_EOR},
        {"out_of_band", MSG_OOB}, {"peek", MSG_PEEK},
    };
    if (lua_isnoneornil(L, argn))
        return 0;
    if (lua_type(L, argn) != LUA_TTABLE)
        emilua_arg_error(L, argn, "flags", "a table of strings");
    int flags = 0;
    for (int i = 1;; i++) {
        lua_rawgeti(L, argn, i);
        const char *name = lua_type(L, -1) == LUA_TSTRING
                               ? lua_tostring(L, -1) : NULL;
        bool end = lua_isnil(L, -1);
        lua_pop(L, 1);
        if (end)
            return flags;
        size_t k = 0, n = sizeof names / sizeof names[0];
        while (name && k < n && strcmp(name, names[k].name) != 0)
            k++;
        if (!name || k == n)
            return emilua_raise_einval_arg(L, argn);
        flags |= names[k].flag;
    }
}

static int raise_status(lua_State *L, int status)
{
    emilua_push_status(L, status);
    return lua_error(L);
}

/* ---- methods ------------------------------------------------------------- */

int ipsock_open(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    int family = ipsock_check_family(L, 2);
    if (s->io.fd >= 0)
        return emilua_raise_error(L, &emilua_asio_misc_category,
                                  EMILUA_ASIO_MISC_ALREADY_OPEN);
    int rc = ipsock_open_family(s, family);
    return rc < 0 ? raise_status(L, rc) : 0;
}

int ipsock_bind(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    struct sockaddr_storage ss;
    socklen_t len = ipsock_check_endpoint(L, 2, &ss);
    if (bind(s->io.fd, (struct sockaddr *)&ss, len) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

int ipsock_close(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    int rc = emilua_io_close(&s->io);
    s->family = 0;
    return rc < 0 ? raise_status(L, rc) : 0;
}

int ipsock_cancel(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    if (s->io.fd < 0)
        return emilua_raise_errno(L, EBADF);
    emilua_io_cancel(&s->io);
    return 0;
}

/* Checks everything before taking the fd, so a failed assign leaves the
 * file_descriptor as it was. */
int ipsock_assign(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    int family = ipsock_check_family(L, 2);
    emilua_check_file_descriptor(L, 3, "fd");
    if (s->io.fd >= 0)
        return emilua_raise_error(L, &emilua_asio_misc_category,
                                  EMILUA_ASIO_MISC_ALREADY_OPEN);
    int fd = emilua_take_file_descriptor(L, 3, "fd");
    int rc = emilua_io_assign(&s->io, fd, true);
    if (rc < 0) {
        close(fd);
        return raise_status(L, rc);
    }
    s->family = family;
    return 0;
}

int ipsock_release(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    int fd = emilua_io_release(&s->io);
    if (fd < 0)
        return raise_status(L, fd);
    s->family = 0;
    emilua_push_file_descriptor(L, fd);
    return 1;
}

/* One readiness check; the layer waits in the op's direction on -EAGAIN.
 * "error" waits with the readers: an error or hang-up wakes both. */
static ssize_t try_wait(emilua_io *io, emilua_io_op *op)
{
    struct pollfd p = {.fd = io->fd, .events = (short)op->flags};
    int n = poll(&p, 1, 0);
    if (n < 0)
        return -errno;
    return n > 0 && (p.revents & (op->flags | POLLERR | POLLHUP)) ? 0
                                                                  : -EAGAIN;
}

int ipsock_push_nothing(lua_State *L, emilua_io_op *op, ssize_t result)
{
    return 0;
}

int ipsock_wait(lua_State *L)
{
    static const char *const names[] = {"read", "write", "error", NULL};
    static const short events[] = {POLLIN, POLLOUT, POLLPRI};
    struct ip_sock *s = ipsock_check(L, 1);
    size_t len;
    const char *what = emilua_check_string(L, 2, &len, "wait_type");
    int i = 0;
    while (names[i] && strcmp(names[i], what) != 0)
        i++;
    if (!names[i])
        return emilua_raise_einval_arg(L, 2);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io,
                                          i == 1 ? EMILUA_IO_OUT : EMILUA_IO_IN,
                                          try_wait, ipsock_push_nothing);
    op->flags = events[i];
    return emilua_io_submit(L, op);
}

int ipsock_shutdown(lua_State *L)
{
    static const char *const names[] = {"receive", "send", "both", NULL};
    static const int how[] = {SHUT_RD, SHUT_WR, SHUT_RDWR};
    struct ip_sock *s = ipsock_check(L, 1);
    size_t len;
    const char *what = emilua_check_string(L, 2, &len, "what");
    int i = 0;
    while (names[i] && strcmp(names[i], what) != 0)
        i++;
    if (!names[i])
        return emilua_raise_einval_arg(L, 2);
    if (shutdown(s->io.fd, how[i]) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

int ipsock_io_control(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    size_t len;
    const char *cmd = emilua_check_string(L, 2, &len, "command");
    if (strcmp(cmd, "bytes_readable") != 0)
        return emilua_raise_einval_arg(L, 2);
    int n;
    if (ioctl(s->io.fd, FIONREAD, &n) != 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, n);
    return 1;
}

int ipsock_disconnect(lua_State *L)
{
    struct ip_sock *s = ipsock_check(L, 1);
    struct sockaddr sa = {.sa_family = AF_UNSPEC};
    if (connect(s->io.fd, &sa, sizeof sa) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

ssize_t ipsock_try_connect(emilua_io *io, emilua_io_op *op)
{
    if (!op->flags) {
        if (connect(io->fd, (struct sockaddr *)&op->addr, op->addrlen) == 0)
            return 0;
        if (errno != EINPROGRESS && errno != EINTR)
            return -errno;
        op->flags = 1;
        return -EAGAIN;
    }
    /* Writable: the attempt ended, SO_ERROR says how. */
    int err;
    socklen_t len = sizeof err;
    if (getsockopt(io->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
        return -errno;
    return err ? -err : 0;
}

/* ---- properties ---------------------------------------------------------- */

static int push_name(lua_State *L, struct ip_sock *s, bool peer, bool port)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    int rc = peer ? getpeername(s->io.fd, (struct sockaddr *)&ss, &len)
                  : getsockname(s->io.fd, (struct sockaddr *)&ss, &len);
    if (rc != 0)
        return emilua_raise_errno(L, errno);
    emilua_push_ip_endpoint(L, (struct sockaddr *)&ss);
    if (!port)
        lua_pop(L, 1);
    else
        lua_remove(L, -2);
    return 1;
}

int ipsock_property(lua_State *L, struct ip_sock *s, const char *key)
{
    bool connected = s->options != ipsock_acceptor_options;
    if (strcmp(key, "is_open") == 0) {
        lua_pushboolean(L, s->io.fd >= 0);
        return 1;
    }
    if (strcmp(key, "local_address") == 0)
        return push_name(L, s, false, false);
    if (strcmp(key, "local_port") == 0)
        return push_name(L, s, false, true);
    if (connected && strcmp(key, "remote_address") == 0)
        return push_name(L, s, true, false);
    if (connected && strcmp(key, "remote_port") == 0)
        return push_name(L, s, true, true);
    if (s->socktype == SOCK_STREAM && connected &&
        strcmp(key, "at_mark") == 0) {
        int r = sockatmark(s->io.fd);
        if (r < 0)
            return emilua_raise_errno(L, errno);
        lua_pushboolean(L, r);
        return 1;
    }
    return 0;
}

int ipsock_index(lua_State *L)
{
    /* Methods first: a method lookup (every call) needs no check of the
     * object, only a property read does. */
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    lua_pop(L, 1);
    struct ip_sock *s = ipsock_check(L, 1);
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2)
                                                    : NULL;
    if (key && ipsock_property(L, s, key))
        return 1;
    return luaL_error(L, "ip socket: no field '%s'", key ? key : "?");
}
