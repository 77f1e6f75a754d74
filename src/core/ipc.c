/* Channels to actors in other processes: the sending end (an
 * "ipc-channel": a seqpacket socket), and the sockets a local mailbox
 * receives from.  A socket is read only while a receive() waits on the
 * mailbox, one message at a time; each message is validated in full
 * (ipc_codec.c) before any Lua value is made, and a socket that sends a
 * malformed message is closed with every fd it carried. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>

#include "channel.h"
#include "ipc.h"
#include "ipc_codec.h"

_Static_assert(sizeof(struct ipc_member) == 528, "no hidden padding");

/* ---- receiving ------------------------------------------------------- */

struct ipc_source {
    uv_poll_t poll;
    int fd;
    struct ipc_sources *set;
    struct ipc_source *next;
};

struct ipc_sources {
    struct mailbox *mb;
    emilua_context *ctx;
    struct ipc_source *head;
    bool armed;
};

static void free_source(uv_handle_t *h)
{
    free(h->data);
}

static void drop_source(struct ipc_source *s)
{
    struct ipc_sources *set = s->set;
    for (struct ipc_source **p = &set->head; *p; p = &(*p)->next)
        if (*p == s) {
            *p = s->next;
            break;
        }
    uv_poll_stop(&s->poll);
    uv_close((uv_handle_t *)&s->poll, free_source);
    close(s->fd);
    mailbox_remove_sender(set->mb, set->ctx);
}

static void close_fds(const int *fds, size_t n)
{
    for (size_t i = 0; i < n; i++)
        close(fds[i]);
}

static bool is_seqpacket(int fd)
{
    int type = 0, domain = 0;
    socklen_t len = sizeof type;
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0)
        return false;
    len = sizeof domain;
    if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0)
        return false;
    return type == SOCK_SEQPACKET && domain == AF_UNIX;
}

static void push_member(lua_State *L, const struct ipc_member *m,
                        const int *fds, size_t *fdi)
{
    switch (m->tag) {
    case IPC_BOOLEAN:
        lua_pushboolean(L, m->boolean);
        break;
    case IPC_NUMBER:
        lua_pushnumber(L, m->number);
        break;
    case IPC_STRING:
        lua_pushlstring(L, m->str, m->str_len);
        break;
    case IPC_FD:
        emilua_push_file_descriptor(L, fds[(*fdi)++]);
        break;
    default:
        ipc_push_channel(L, fds[(*fdi)++], NULL);
        break;
    }
}

void ipc_push_message(lua_State *L, const struct ipc_wire *w, const int *fds)
{
    size_t fdi = 0;
    if (w->kind == IPC_LEAF) {
        push_member(L, &w->m[0], fds, &fdi);
        return;
    }
    lua_createtable(L, 0, w->count);
    for (unsigned i = 0; i < w->count; i++) {
        lua_pushlstring(L, w->m[i].key, w->m[i].key_len);
        push_member(L, &w->m[i], fds, &fdi);
        lua_rawset(L, -3);
    }
}

/* -1 when the bytes or fds are not a message. */
static int check_message(const struct ipc_wire *w, ssize_t n, int flags,
                         const int *fds, size_t nfds)
{
    if (flags & (MSG_TRUNC | MSG_CTRUNC))
        return -1;
    if (ipc_validate(w, (size_t)n, nfds) != 0)
        return -1;
    size_t fdi = 0;
    for (unsigned i = 0; i < w->count; i++) {
        if (w->m[i].tag == IPC_ADDRESS && !is_seqpacket(fds[fdi]))
            return -1;
        fdi += w->m[i].tag == IPC_FD || w->m[i].tag == IPC_ADDRESS;
    }
    return 0;
}

static void on_readable(uv_poll_t *h, int status, int events)
{
    (void)events;
    struct ipc_source *s = h->data;
    struct ipc_sources *set = s->set;
    if (status < 0) {
        drop_source(s);
        return;
    }
    static _Thread_local struct ipc_wire w;
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int) * (EMILUA_IPC_MAX_MEMBERS + 1))];
    } ctl;
    struct iovec iov = {&w, sizeof w};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl.buf;
    msg.msg_controllen = sizeof ctl.buf;
    ssize_t n = recvmsg(s->fd, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    int fds[EMILUA_IPC_MAX_MEMBERS + 1];
    size_t nfds = 0;
    bool too_many = false;
    for (struct cmsghdr *c = n >= 0 ? CMSG_FIRSTHDR(&msg) : NULL; c;
         c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
            continue;
        size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < k; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
            if (nfds < sizeof fds / sizeof *fds)
                fds[nfds++] = fd;
            else {
                close(fd);
                too_many = true;
            }
        }
    }
    /* 0 bytes: the peer ended, or closed this capability on purpose */
    if (n <= 0 || too_many || check_message(&w, n, msg.msg_flags, fds, nfds)) {
        close_fds(fds, nfds);
        drop_source(s);
        return;
    }
    emilua_fiber *r = mailbox_take_receiver(set->mb);
    lua_State *co = emilua_resume_begin(r);
    ipc_push_message(co, &w, fds);
    emilua_resume_end(r, 1);
}

void ipc_arm(struct ipc_sources *set)
{
    set->armed = true;
    for (struct ipc_source *s = set->head; s; s = s->next)
        uv_poll_start(&s->poll, UV_READABLE, on_readable);
}

void ipc_disarm(struct ipc_sources *set)
{
    set->armed = false;
    for (struct ipc_source *s = set->head; s; s = s->next)
        uv_poll_stop(&s->poll);
}

int ipc_add_source(struct mailbox *mb, emilua_context *ctx, int fd)
{
    struct ipc_sources **setp = mailbox_ipc(mb);
    if (!*setp) {
        *setp = calloc(1, sizeof **setp);
        if (!*setp)
            return -ENOMEM;
        (*setp)->mb = mb;
        (*setp)->ctx = ctx;
    }
    struct ipc_source *s = calloc(1, sizeof *s);
    if (!s)
        return -ENOMEM;
    /* channels are one-way: nothing is ever sent back on this socket */
    shutdown(fd, SHUT_WR);
    int rc = uv_poll_init_socket(&ctx->loop, &s->poll, fd);
    if (rc < 0) {
        free(s);
        return rc;
    }
    s->poll.data = s;
    s->fd = fd;
    s->set = *setp;
    s->next = (*setp)->head;
    (*setp)->head = s;
    mailbox_add_sender(mb);
    if (mailbox_receiving(mb))
        (*setp)->armed = true;
    if ((*setp)->armed)
        uv_poll_start(&s->poll, UV_READABLE, on_readable);
    return 0;
}

void ipc_close_all(struct mailbox *mb, emilua_context *ctx)
{
    (void)ctx;
    struct ipc_sources **setp = mailbox_ipc(mb);
    struct ipc_sources *set = *setp;
    while (set->head)
        drop_source(set->head);
    *setp = NULL;
    free(set);
}

/* ---- sending --------------------------------------------------------- */

/* What the spawner keeps of a child process: killed when the spawning VM
 * closes unless detached.  Anchored in the registry so that dropping the
 * channel does not kill the child. */
struct ipc_child {
    int pidfd;
    pid_t pid;
    bool detached;
};

struct ipc_tx {
    int fd;                   /* -1 once closed */
    struct ipc_child *child;  /* the root channel of a spawned actor */
};

static int tx_send(lua_State *L);
static int tx_close(lua_State *L);
static int tx_kill(lua_State *L);
static int tx_detach(lua_State *L);
static int tx_gc(lua_State *L);
static int tx_index(lua_State *L);

static const emilua_reg tx_methods[] = {
    {"send", tx_send, 0},
    {"close", tx_close, 0},
    {"kill", tx_kill, 0},
    {"detach", tx_detach, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg tx_meta[] = {
    {"__gc", tx_gc},
    {NULL, NULL},
};

static const emilua_udata_type tx_type = {
    "ipc-channel", tx_methods, tx_meta, tx_index,
};

static int child_gc(lua_State *L)
{
    struct ipc_child *c = lua_touserdata(L, 1);
    if (c->pidfd >= 0) {
        if (!c->detached)
            syscall(SYS_pidfd_send_signal, c->pidfd, SIGKILL, NULL, 0);
        close(c->pidfd);
        c->pidfd = -1;
    }
    return 0;
}

static const luaL_Reg child_meta[] = {
    {"__gc", child_gc},
    {NULL, NULL},
};

static const emilua_udata_type child_type = {
    "ipc-child", NULL, child_meta, NULL,
};

void ipc_push_channel(lua_State *L, int fd, const struct ipc_child_info *ci)
{
    shutdown(fd, SHUT_RD);
    struct ipc_tx *t = emilua_new_udata(L, &tx_type, sizeof *t);
    t->fd = fd;
    t->child = NULL;
    if (!ci)
        return;
    struct ipc_child *c = emilua_new_udata(L, &child_type, sizeof *c);
    c->pidfd = ci->pidfd;
    c->pid = ci->pid;
    c->detached = false;
    t->child = c;
    /* registry[c] = true keeps it until the VM closes */
    lua_pushboolean(L, 1);
    lua_rawset(L, LUA_REGISTRYINDEX);
}

struct outgoing {
    int fds[EMILUA_IPC_MAX_MEMBERS];
    bool owned[EMILUA_IPC_MAX_MEMBERS];   /* ours to close after sending */
    size_t nfds;
};

/* Checks the leaf at idx; returns its tag or IPC_NONE. */
static int leaf_tag(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        return IPC_BOOLEAN;
    case LUA_TNUMBER:
        return IPC_NUMBER;
    case LUA_TSTRING:
        return lua_objlen(L, idx) <= IPC_STR_MAX ? IPC_STRING : IPC_NONE;
    case LUA_TUSERDATA:
        break;
    default:
        return IPC_NONE;
    }
    if (emilua_test_file_descriptor(L, idx) >= 0)
        return IPC_FD;
    struct ipc_tx *t = emilua_test_udata(L, idx, &tx_type);
    if (t)
        return t->fd >= 0 ? IPC_ADDRESS : IPC_NONE;
    struct mailbox *mb = channel_test(L, idx);
    if (mb && mailbox_ctx(mb) == emilua_vm_of(L)->ctx)
        return IPC_ADDRESS;
    return IPC_NONE;
}

/* Fills m from the (checked) leaf at idx; 0 or -errno. */
static int put_leaf(lua_State *L, int idx, struct ipc_member *m,
                    struct outgoing *o)
{
    m->tag = (uint8_t)leaf_tag(L, idx);
    size_t len;
    const char *s;
    switch (m->tag) {
    case IPC_BOOLEAN:
        m->boolean = (uint8_t)lua_toboolean(L, idx);
        return 0;
    case IPC_NUMBER:
        m->number = lua_tonumber(L, idx);
        return 0;
    case IPC_STRING:
        s = lua_tolstring(L, idx, &len);
        memcpy(m->str, s, len);
        m->str_len = (uint8_t)len;
        return 0;
    case IPC_FD:
        o->owned[o->nfds] = false;
        o->fds[o->nfds++] = emilua_test_file_descriptor(L, idx);
        return 0;
    }
    struct ipc_tx *t = emilua_test_udata(L, idx, &tx_type);
    if (t) {
        o->owned[o->nfds] = false;
        o->fds[o->nfds++] = t->fd;
        return 0;
    }
    /* a local inbox: a new socket pair, our end read by the mailbox */
    struct mailbox *mb = channel_test(L, idx);
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
        return -errno;
    int rc = ipc_add_source(mb, emilua_vm_of(L)->ctx, sv[0]);
    if (rc < 0) {
        close(sv[0]);
        close(sv[1]);
        return rc;
    }
    o->owned[o->nfds] = true;
    o->fds[o->nfds++] = sv[1];
    return 0;
}

static void release(struct outgoing *o)
{
    for (size_t i = 0; i < o->nfds; i++)
        if (o->owned[i])
            close(o->fds[i]);
}

/* Encodes the value at idx into w; raises EINVAL (arg) on a value that
 * cannot travel, before anything was created. */
static int encode(lua_State *L, int idx, int argn, struct ipc_wire *w,
                  struct outgoing *o)
{
    memset(w, 0, sizeof *w);
    o->nfds = 0;
    if (lua_type(L, idx) != LUA_TTABLE) {
        if (leaf_tag(L, idx) == IPC_NONE)
            return emilua_raise_einval_arg(L, argn);
        w->kind = IPC_LEAF;
        w->count = 1;
        return put_leaf(L, idx, &w->m[0], o);
    }
    unsigned count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        size_t klen = lua_type(L, -2) == LUA_TSTRING ? lua_objlen(L, -2) : 0;
        if (klen == 0 || klen > IPC_STR_MAX || ++count > EMILUA_IPC_MAX_MEMBERS ||
            leaf_tag(L, -1) == IPC_NONE)
            return emilua_raise_einval_arg(L, argn);
        lua_pop(L, 1);
    }
    if (count == 0)
        return emilua_raise_einval_arg(L, argn);
    w->kind = IPC_DICT;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        struct ipc_member *m = &w->m[w->count++];
        size_t klen;
        const char *k = lua_tolstring(L, -2, &klen);
        memcpy(m->key, k, klen);
        m->key_len = (uint8_t)klen;
        int rc = put_leaf(L, lua_gettop(L), m, o);
        lua_pop(L, 1);
        if (rc < 0) {
            lua_pop(L, 1);
            return rc;
        }
    }
    return 0;
}

int ipc_sendmsg(int sock, const struct ipc_wire *w, const int *fds,
                size_t nfds)
{
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int) * EMILUA_IPC_MAX_MEMBERS)];
    } ctl;
    struct iovec iov = {(void *)w, sizeof *w};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (nfds) {
        memset(&ctl, 0, sizeof ctl);
        msg.msg_control = ctl.buf;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
        memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
    }
    ssize_t n;
    do
        n = sendmsg(sock, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : 0;
}

static struct ipc_tx *check_open(lua_State *L)
{
    struct ipc_tx *t = emilua_check_udata(L, 1, &tx_type);
    if (t->fd < 0)
        emilua_raise_error(L, &emilua_runtime_category,
                           EMILUA_ERRC_CHANNEL_CLOSED);
    return t;
}

static int tx_send(lua_State *L)
{
    struct ipc_tx *t = check_open(L);
    lua_settop(L, 2);
    static _Thread_local struct ipc_wire w;
    struct outgoing o;
    int rc = encode(L, 2, 2, &w, &o);
    if (rc == 0)
        rc = ipc_sendmsg(t->fd, &w, o.fds, o.nfds);
    release(&o);
    if (rc == -EPIPE || rc == -ECONNRESET || rc == -ENOTCONN)
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_CHANNEL_CLOSED);
    if (rc < 0)
        return emilua_raise_errno(L, -rc);
    return 0;
}

static int tx_close(lua_State *L)
{
    struct ipc_tx *t = emilua_check_udata(L, 1, &tx_type);
    if (t->fd >= 0) {
        close(t->fd);
        t->fd = -1;
    }
    return 0;
}

static int tx_gc(lua_State *L)
{
    struct ipc_tx *t = lua_touserdata(L, 1);
    if (t->fd >= 0) {
        close(t->fd);
        t->fd = -1;
    }
    return 0;
}

static struct ipc_child *check_child(lua_State *L)
{
    struct ipc_tx *t = emilua_check_udata(L, 1, &tx_type);
    if (!t->child || t->child->pidfd < 0)
        emilua_raise_errno(L, ESRCH);
    return t->child;
}

static int tx_kill(lua_State *L)
{
    struct ipc_child *c = check_child(L);
    int signo = SIGKILL;
    if (!lua_isnoneornil(L, 2)) {
        lua_Integer n = emilua_check_integer(L, 2, "signo");
        if (n <= 0 || n >= NSIG)
            return emilua_raise_einval_arg(L, 2);
        signo = (int)n;
    }
    if (syscall(SYS_pidfd_send_signal, c->pidfd, signo, NULL, 0) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int tx_detach(lua_State *L)
{
    check_child(L)->detached = true;
    return 0;
}

static int tx_index(lua_State *L)
{
    struct ipc_tx *t = lua_touserdata(L, 1);
    const char *k = lua_tostring(L, 2);
    if (k && strcmp(k, "child_pid") == 0 && t->child) {
        lua_pushinteger(L, t->child->pid);
        return 1;
    }
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    return 1;
}
