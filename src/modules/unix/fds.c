/* fd passing over unix sockets (SCM_RIGHTS): send_with_fds,
 * send_to_with_fds, receive_with_fds, receive_from_with_fds.
 *
 * The control buffer of an op lives in a userdata on the calling fiber's
 * stack, which stays reachable while the fiber waits and is collected
 * afterwards, so a canceled op frees nothing by hand.  Received fds are
 * close-on-exec from the start (MSG_CMSG_CLOEXEC).  The buffer has room
 * for maxfds fds; what the kernel could not fit it closes itself
 * (MSG_CTRUNC), and the few more that CMSG_SPACE's alignment may let in
 * are closed here, so no fd beyond maxfds is ever left open.  A truncated
 * control message is not an error: the data and the first maxfds fds are
 * returned as usual. */
#include <string.h>
#include <unistd.h>

#include <emilua/filesystem.h>

#include "unix_module.h"

/* Linux's limit of fds in one SCM_RIGHTS message (SCM_MAX_FD). */
#define MAX_FDS 253

struct ctl {
    int maxfds;             /* receive: how many the caller takes */
    int nfds;               /* received (after the op), or to send */
    bool receiving;         /* the fds are ours (closed with the buffer) */
    size_t space;           /* bytes of control below */
    union {                 /* aligned for struct cmsghdr */
        struct cmsghdr hdr;
        unsigned char bytes[1];
    } control[];
};

/* A received message's fds not yet handed to Lua (the fiber's VM closed
 * between the system call and the resume) are closed with the buffer. */
static int ctl_gc(lua_State *L)
{
    struct ctl *c = lua_touserdata(L, 1);
    if (c->receiving) {
        const int *fds = (const int *)(const void *)c->control;
        for (int i = 0; i < c->nfds; i++)
            close(fds[i]);
    }
    c->nfds = 0;
    return 0;
}

static const luaL_Reg ctl_meta[] = {
    {"__gc", ctl_gc},
    {NULL, NULL},
};

static const emilua_udata_type ctl_type = {
    "unix.control_buffer", NULL, ctl_meta, NULL,
};

static struct ctl *push_ctl(lua_State *L, int nfds, bool receiving)
{
    size_t space = nfds > 0 ? CMSG_SPACE(sizeof(int) * (size_t)nfds) : 0;
    struct ctl *c = emilua_new_udata(L, &ctl_type, sizeof *c + space);
    c->receiving = receiving;
    c->maxfds = nfds;
    c->nfds = 0;
    c->space = space;
    memset(c->control, 0, space);
    return c;
}

/* ---- receiving ------------------------------------------------------------ */

/* Takes the fds out of the control data into c's own array (reusing the
 * buffer's bytes) and closes the ones beyond maxfds. */
static void collect_fds(struct ctl *c, struct msghdr *m)
{
    int *out = (int *)(void *)c->control;  /* overwrites what was read */
    int n = 0;
    for (struct cmsghdr *h = CMSG_FIRSTHDR(m); h; h = CMSG_NXTHDR(m, h)) {
        if (h->cmsg_level != SOL_SOCKET || h->cmsg_type != SCM_RIGHTS)
            continue;
        size_t count = (h->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        const unsigned char *p = CMSG_DATA(h);
        for (size_t i = 0; i < count; i++) {
            int fd;
            memcpy(&fd, p + i * sizeof fd, sizeof fd);
            if (n < c->maxfds)
                out[n++] = fd;   /* out lags p: never overwrites unread */
            else
                close(fd);
        }
    }
    c->nfds = n;
}

static ssize_t try_recvmsg(emilua_io *io, emilua_io_op *op)
{
    struct usock *s = (struct usock *)io;
    struct ctl *c = op->data;
    struct iovec iov = {op->buf, op->len};
    struct msghdr m = {
        .msg_name = &op->addr, .msg_namelen = sizeof op->addr,
        .msg_iov = &iov, .msg_iovlen = 1,
        .msg_control = c->space ? c->control : NULL,
        .msg_controllen = c->space,
    };
    ssize_t n = recvmsg(io->fd, &m, MSG_CMSG_CLOEXEC);
    if (n < 0)
        return -errno;
    op->addrlen = m.msg_namelen;
    collect_fds(c, &m);
    if (n == 0 && s->socktype != SOCK_DGRAM && c->nfds == 0)
        return EMILUA_EOF;
    return n;
}

static void push_fds(lua_State *L, struct ctl *c)
{
    const int *fds = (const int *)(const void *)c->control;
    lua_createtable(L, c->nfds, 0);
    for (int i = 0; i < c->nfds; i++) {
        emilua_push_file_descriptor(L, fds[i]);
        lua_rawseti(L, -2, i + 1);
    }
    c->nfds = 0;
}

static int push_received(lua_State *L, emilua_io_op *op, ssize_t n)
{
    lua_pushinteger(L, n);
    push_fds(L, op->data);
    return 2;
}

static int push_received_from(lua_State *L, emilua_io_op *op, ssize_t n)
{
    lua_pushinteger(L, n);
    usock_push_path(L, (struct sockaddr_un *)&op->addr, op->addrlen);
    push_fds(L, op->data);
    return 3;
}

int usock_receive_with_fds(lua_State *L, struct usock *s, bool from)
{
    emilua_byte_span *b = emilua_check_byte_span(L, 2);
    lua_Integer maxfds = emilua_check_integer(L, 3, "maxfds");
    if (maxfds < 0 || maxfds > MAX_FDS)
        return emilua_raise_einval_arg(L, 3);
    struct ctl *c = push_ctl(L, (int)maxfds, true);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_IN,
                                          try_recvmsg,
                                          from ? push_received_from
                                               : push_received);
    emilua_io_op_buffer(op, b);
    op->data = c;
    return emilua_io_submit(L, op);
}

/* ---- sending ------------------------------------------------------------ */

static ssize_t try_sendmsg(emilua_io *io, emilua_io_op *op)
{
    struct ctl *c = op->data;
    struct iovec iov = {op->buf, op->len};
    struct msghdr m = {
        .msg_name = op->addrlen ? &op->addr : NULL,
        .msg_namelen = op->addrlen,
        .msg_iov = &iov, .msg_iovlen = 1,
        .msg_control = c->nfds ? c->control : NULL,
        .msg_controllen = c->nfds ? c->space : 0,
    };
    ssize_t n = sendmsg(io->fd, &m, MSG_NOSIGNAL);
    return n >= 0 ? n : -errno;
}

/* send_with_fds(buffer, fds) / send_to_with_fds(buffer, path, fds).  The
 * fds are copied into the message now (the kernel duplicates them when
 * it sends); the file_descriptor objects stay open and usable. */
int usock_send_with_fds(lua_State *L, struct usock *s, bool to)
{
    emilua_byte_span *b = emilua_check_byte_span(L, 2);
    struct sockaddr_un sa;
    socklen_t len = to ? usock_check_path(L, 3, &sa) : 0;
    int fds_arg = to ? 4 : 3;
    emilua_check_type(L, fds_arg, LUA_TTABLE, "fds");
    size_t nfds = lua_objlen(L, fds_arg);
    if (nfds > MAX_FDS)
        return emilua_raise_einval_arg(L, fds_arg);
    struct ctl *c = push_ctl(L, (int)nfds, false);
    if (nfds > 0) {
        struct msghdr m = {.msg_control = c->control,
                           .msg_controllen = c->space};
        struct cmsghdr *h = CMSG_FIRSTHDR(&m);
        h->cmsg_level = SOL_SOCKET;
        h->cmsg_type = SCM_RIGHTS;
        h->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
        unsigned char *p = CMSG_DATA(h);
        for (size_t i = 0; i < nfds; i++) {
            lua_rawgeti(L, fds_arg, (int)i + 1);
            int fd = emilua_test_file_descriptor(L, -1);
            if (fd == -EBADF)
                return emilua_raise_errno(L, EBADF);
            if (fd < 0)
                return emilua_raise_einval_arg(L, fds_arg);
            memcpy(p + i * sizeof fd, &fd, sizeof fd);
            lua_pop(L, 1);
        }
        c->nfds = (int)nfds;
    }
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT,
                                          try_sendmsg, NULL);
    emilua_io_op_buffer(op, b);
    op->data = c;
    if (to)
        memcpy(&op->addr, &sa, len);
    op->addrlen = len;
    return emilua_io_submit(L, op);
}
