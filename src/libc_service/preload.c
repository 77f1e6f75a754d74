/* libemilua-libc-service.so: the slave end of libc_service.  Loaded with
 * LD_PRELOAD (or linked), it replaces the libc functions that need
 * ambient authority: each call becomes one request to the master over
 * the socket whose number EMILUA_LIBC_SERVICE_FD holds, and the calling
 * thread blocks until the reply.  One request is in flight at a time
 * (threads queue on a mutex), as the master serves one call at a time.
 *
 * Without the variable the functions are libc's own.  A reply that does
 * not decode, or the master going away, breaks the service: the socket
 * is shut down (its number stays ours, so no later fd of the program
 * gets confused with it) and every later call fails with EIO
 * (getaddrinfo: EAI_SYSTEM). */
#undef _FORTIFY_SOURCE
/* Our open and open64 are two symbols: no redirection of one to the other. */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include "wire.h"

#define EXPORT __attribute__((visibility("default")))

_Static_assert(sizeof(struct stat) == sizeof(struct stat64),
               "stat and stat64 share one layout on 64-bit Linux");

static int service_fd = -1;
static bool broken;
static pthread_mutex_t service_lock = PTHREAD_MUTEX_INITIALIZER;

__attribute__((constructor)) static void find_service(void)
{
    const char *s = getenv("EMILUA_LIBC_SERVICE_FD");
    if (!s)
        return;
    char *end;
    long fd = strtol(s, &end, 10);
    int type = 0;
    socklen_t len = sizeof type;
    if (*s == 0 || *end || fd < 0 || fd > 65535 ||
        getsockopt((int)fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0 ||
        type != SOCK_SEQPACKET)
        return;     /* not a service: libc's own functions then */
    /* Ours alone: the programs this one runs do not inherit it. */
    fcntl((int)fd, F_SETFD, FD_CLOEXEC);
    unsetenv("EMILUA_LIBC_SERVICE_FD");
    service_fd = (int)fd;
}

static void *real(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

#define REAL(name, type) ((type)real(#name))

static void break_service(void)
{
    broken = true;
    shutdown(service_fd, SHUT_RDWR);
}

/* Sends req (with fd_out when >= 0), waits for the reply; 0 or -errno.
 * *fd_in gets the fd beside the reply, or -1.  Holds the lock. */
static int call_locked(struct lcs_request *req, int fd_out,
                       struct lcs_reply *rep, int *fd_in)
{
    unsigned char buf[LCS_MAX_REQUEST > LCS_MAX_REPLY ? LCS_MAX_REQUEST + 1
                                                      : LCS_MAX_REPLY + 1];
    *fd_in = -1;
    if (broken)
        return -EIO;
    req->nfds = fd_out >= 0;
    size_t len = lcs_encode_request(req, buf);
    if (len == 0)
        return -EINVAL;
    union {
        struct cmsghdr h;
        unsigned char b[CMSG_SPACE(2 * sizeof(int))];
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {buf, len};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
    if (fd_out >= 0) {
        msg.msg_control = &ctl;
        msg.msg_controllen = CMSG_SPACE(sizeof(int));
        struct cmsghdr *h = CMSG_FIRSTHDR(&msg);
        h->cmsg_level = SOL_SOCKET;
        h->cmsg_type = SCM_RIGHTS;
        h->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(h), &fd_out, sizeof(int));
    }
    ssize_t n;
    do
        n = sendmsg(service_fd, &msg, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        int err = errno;
        if (err == EBADF && fd_out >= 0)
            return -EBADF;      /* the caller's fd, not ours */
        break_service();
        return -EIO;
    }

    iov = (struct iovec){buf, sizeof buf};
    msg = (struct msghdr){.msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = &ctl, .msg_controllen = sizeof ctl};
    do
        n = recvmsg(service_fd, &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    int fds[2], nfds = 0;
    if (n >= 0)
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
    if (n <= 0 || (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) ||
        lcs_decode_reply(buf, (size_t)n, nfds, req->fn, rep) < 0) {
        for (int i = 0; i < nfds; i++)
            close(fds[i]);
        break_service();
        return -EIO;
    }
    *fd_in = nfds ? fds[0] : -1;
    return 0;
}

/* 1: the master answered (in rep), 0: the master let the slave call libc
 * itself, -1: failed with errno set. */
static int call(struct lcs_request *req, int fd_out, struct lcs_reply *rep,
                int *fd_in)
{
    int saved = errno;
    pthread_mutex_lock(&service_lock);
    int rc = call_locked(req, fd_out, rep, fd_in);
    pthread_mutex_unlock(&service_lock);
    if (rc < 0) {
        errno = -rc;
        return -1;
    }
    errno = saved;
    return rep->kind == LCS_REPLY_USE_SLAVE_CREDENTIALS ? 0 : 1;
}

/* The integer result of a plain reply, errno from the master. */
static int int_result(const struct lcs_reply *rep)
{
    if (rep->result < 0)
        errno = rep->err ? rep->err : EPERM;
    return rep->result;
}

static bool set_str(char *dst, uint32_t *len, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n > max)
        return false;
    memcpy(dst, s, n + 1);
    *len = (uint32_t)n;
    return true;
}

/* Starts a request of one path; false (errno set) when it cannot be
 * expressed: the kernel would refuse such a path too. */
static bool path_request(struct lcs_request *req, int fn, const char *path)
{
    memset(req, 0, offsetof(struct lcs_request, str1) + 1);
    req->str2[0] = 0;
    req->fn = (uint8_t)fn;
    if (!path) {
        errno = EFAULT;
        return false;
    }
    if (!set_str(req->str1, &req->len1, path, LCS_MAX_PATH)) {
        errno = *path ? ENAMETOOLONG : ENOENT;
        return false;
    }
    return true;
}

/* ---- open, openat ------------------------------------------------------- */

static uint32_t wire_open_flags(int flags)
{
    uint32_t w = 0;
    if ((flags & O_PATH) != 0)
        w |= LCS_O_PATH;
    else if ((flags & O_ACCMODE) == O_RDONLY)
        w |= LCS_O_READ_ONLY;
    else if ((flags & O_ACCMODE) == O_WRONLY)
        w |= LCS_O_WRITE_ONLY;
    else if ((flags & O_ACCMODE) == O_RDWR)
        w |= LCS_O_READ_WRITE;
    if (flags & O_APPEND)
        w |= LCS_O_APPEND;
    if (flags & O_CREAT)
        w |= LCS_O_CREATE;
    if ((flags & O_TMPFILE) == O_TMPFILE)
        w |= LCS_O_TEMPORARY;
    else if (flags & O_DIRECTORY)
        w |= LCS_O_DIRECTORY;
    if (flags & O_EXCL)
        w |= LCS_O_EXCLUSIVE;
    if (flags & O_NOFOLLOW)
        w |= LCS_O_NO_FOLLOW;
    if ((flags & O_SYNC) == O_SYNC)
        w |= LCS_O_SYNC;
    if (flags & O_TRUNC)
        w |= LCS_O_TRUNCATE;
    return w;
}

/* The caller's close-on-exec and nonblocking choices, on the fd the
 * master sent (which arrived close-on-exec). */
static int adopt_fd(int fd, int flags)
{
    if (!(flags & O_CLOEXEC))
        fcntl(fd, F_SETFD, 0);
    if (flags & O_NONBLOCK)
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

static int do_openat(int dirfd, const char *path, int flags, mode_t mode,
                     bool is_open)
{
    struct lcs_request req;
    struct lcs_reply rep;
    int fd;
    if (!path_request(&req, is_open ? LCS_OPEN : LCS_OPENAT, path))
        return -1;
    if (dirfd < 0 && dirfd != AT_FDCWD) {
        errno = EBADF;
        return -1;
    }
    req.flags = wire_open_flags(flags);
    if (req.flags & (LCS_O_CREATE | LCS_O_TEMPORARY))
        req.mode = mode & 07777;
    int rc = call(&req, is_open || dirfd == AT_FDCWD ? -1 : dirfd, &rep, &fd);
    if (rc < 0)
        return -1;
    if (rc == 0)
        return REAL(openat, int (*)(int, const char *, int, ...))(
            dirfd, path, flags, mode);
    if (fd >= 0)
        return adopt_fd(fd, flags);
    return int_result(&rep);
}

static mode_t mode_arg(int flags, va_list ap)
{
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE
               ? (mode_t)va_arg(ap, int) : 0;
}

#define OPEN_LIKE(name)                                                      \
    EXPORT int name(const char *path, int flags, ...)                        \
    {                                                                        \
        va_list ap;                                                          \
        va_start(ap, flags);                                                 \
        mode_t mode = mode_arg(flags, ap);                                   \
        va_end(ap);                                                          \
        if (service_fd < 0)                                                  \
            return REAL(name, int (*)(const char *, int, ...))(path, flags,  \
                                                               mode);        \
        return do_openat(AT_FDCWD, path, flags, mode, true);                 \
    }
#define OPENAT_LIKE(name)                                                    \
    EXPORT int name(int dirfd, const char *path, int flags, ...)             \
    {                                                                        \
        va_list ap;                                                          \
        va_start(ap, flags);                                                 \
        mode_t mode = mode_arg(flags, ap);                                   \
        va_end(ap);                                                          \
        if (service_fd < 0)                                                  \
            return REAL(name, int (*)(int, const char *, int, ...))(         \
                dirfd, path, flags, mode);                                   \
        return do_openat(dirfd, path, flags, mode, false);                   \
    }

OPEN_LIKE(open)
OPEN_LIKE(open64)
OPENAT_LIKE(openat)
OPENAT_LIKE(openat64)

/* _FORTIFY_SOURCE's checked entry points (no mode: no O_CREAT). */
EXPORT int __open_2(const char *path, int flags) { return open(path, flags); }
EXPORT int __open64_2(const char *path, int flags)
{
    return open(path, flags);
}
EXPORT int __openat_2(int dirfd, const char *path, int flags)
{
    return openat(dirfd, path, flags);
}
EXPORT int __openat64_2(int dirfd, const char *path, int flags)
{
    return openat(dirfd, path, flags);
}

/* ---- the functions of paths ------------------------------------------------ */

/* What path_call() and sock_call() return when the master lets the
 * slave call libc itself. */
#define USE_LIBC (-2)

/* One path, an integer result. */
static int path_call(int fn, const char *path, uint32_t mode, uint32_t amode)
{
    struct lcs_request req;
    struct lcs_reply rep;
    int fd;
    if (!path_request(&req, fn, path))
        return -1;
    req.mode = mode;
    req.amode = amode;
    int rc = call(&req, -1, &rep, &fd);
    return rc < 0 ? -1 : rc == 0 ? USE_LIBC : int_result(&rep);
}

EXPORT int unlink(const char *path)
{
    int rc = service_fd < 0 ? USE_LIBC : path_call(LCS_UNLINK, path, 0, 0);
    return rc == USE_LIBC ? REAL(unlink, int (*)(const char *))(path) : rc;
}

EXPORT int rmdir(const char *path)
{
    int rc = service_fd < 0 ? USE_LIBC : path_call(LCS_RMDIR, path, 0, 0);
    return rc == USE_LIBC ? REAL(rmdir, int (*)(const char *))(path) : rc;
}

EXPORT int mkdir(const char *path, mode_t mode)
{
    int rc = service_fd < 0 ? USE_LIBC
                            : path_call(LCS_MKDIR, path, mode & 07777, 0);
    return rc == USE_LIBC
               ? REAL(mkdir, int (*)(const char *, mode_t))(path, mode) : rc;
}

static uint32_t wire_amode(int amode)
{
    return (amode & R_OK ? LCS_A_R : 0) | (amode & W_OK ? LCS_A_W : 0) |
           (amode & X_OK ? LCS_A_X : 0);
}

EXPORT int access(const char *path, int amode)
{
    int rc = USE_LIBC;
    if (service_fd >= 0) {
        if (amode & ~(R_OK | W_OK | X_OK)) {
            errno = EINVAL;
            return -1;
        }
        rc = path_call(LCS_ACCESS, path, 0, wire_amode(amode));
    }
    return rc == USE_LIBC ? REAL(access, int (*)(const char *, int))(path,
                                                                      amode)
                          : rc;
}

#define EACCESS_LIKE(name)                                                   \
    EXPORT int name(const char *path, int amode)                             \
    {                                                                        \
        int rc = USE_LIBC;                                                   \
        if (service_fd >= 0) {                                               \
            if (amode & ~(R_OK | W_OK | X_OK)) {                             \
                errno = EINVAL;                                              \
                return -1;                                                   \
            }                                                                \
            rc = path_call(LCS_EACCESS, path, 0, wire_amode(amode));         \
        }                                                                    \
        return rc == USE_LIBC                                                \
                   ? REAL(name, int (*)(const char *, int))(path, amode)     \
                   : rc;                                                     \
    }
EACCESS_LIKE(eaccess)
EACCESS_LIKE(euidaccess)

EXPORT int rename(const char *from, const char *to)
{
    typedef int (*fn_t)(const char *, const char *);
    if (service_fd < 0)
        return REAL(rename, fn_t)(from, to);
    struct lcs_request req;
    struct lcs_reply rep;
    int fd;
    if (!path_request(&req, LCS_RENAME, from))
        return -1;
    if (!to) {
        errno = EFAULT;
        return -1;
    }
    if (!set_str(req.str2, &req.len2, to, LCS_MAX_PATH)) {
        errno = *to ? ENAMETOOLONG : ENOENT;
        return -1;
    }
    int rc = call(&req, -1, &rep, &fd);
    if (rc < 0)
        return -1;
    return rc == 0 ? REAL(rename, fn_t)(from, to) : int_result(&rep);
}

/* ---- stat, lstat ------------------------------------------------------------ */

static int do_stat(int fn, const char *path, struct stat *st,
                   int (*libc)(const char *, struct stat *))
{
    if (service_fd < 0)
        return libc(path, st);
    struct lcs_request req;
    struct lcs_reply rep;
    int fd;
    if (!path_request(&req, fn, path))
        return -1;
    int rc = call(&req, -1, &rep, &fd);
    if (rc < 0)
        return -1;
    if (rc == 0)
        return libc(path, st);
    if (rep.count == 0)
        return int_result(&rep);
    const struct lcs_stat *s = &rep.st;
    memset(st, 0, sizeof *st);
    st->st_dev = s->dev;
    st->st_ino = s->ino;
    st->st_mode = (mode_t)s->mode;
    st->st_nlink = s->nlink;
    st->st_uid = (uid_t)s->uid;
    st->st_gid = (gid_t)s->gid;
    st->st_rdev = s->rdev;
    st->st_size = s->size;
    st->st_blksize = s->blksize;
    st->st_blocks = (s->size + 511) / 512;
    st->st_atim = (struct timespec){s->atime_sec, s->atime_nsec};
    st->st_mtim = (struct timespec){s->mtime_sec, s->mtime_nsec};
    st->st_ctim = (struct timespec){s->ctime_sec, s->ctime_nsec};
    return 0;
}

static int real_stat(const char *p, struct stat *st)
{
    return REAL(stat, int (*)(const char *, struct stat *))(p, st);
}

static int real_lstat(const char *p, struct stat *st)
{
    return REAL(lstat, int (*)(const char *, struct stat *))(p, st);
}

EXPORT int stat(const char *path, struct stat *st)
{
    return do_stat(LCS_STAT, path, st, real_stat);
}

EXPORT int stat64(const char *path, struct stat64 *st)
{
    return do_stat(LCS_STAT, path, (struct stat *)(void *)st, real_stat);
}

EXPORT int lstat(const char *path, struct stat *st)
{
    return do_stat(LCS_LSTAT, path, st, real_lstat);
}

EXPORT int lstat64(const char *path, struct stat64 *st)
{
    return do_stat(LCS_LSTAT, path, (struct stat *)(void *)st, real_lstat);
}

/* ---- connect, bind ------------------------------------------------------------ */

/* -2 (USE_LIBC) for an address the service does not handle (unnamed and
 * abstract UNIX names, other families). */
static int sock_call(int fd, const struct sockaddr *sa, socklen_t len,
                     bool is_bind)
{
    struct lcs_request req;
    memset(&req, 0, offsetof(struct lcs_request, str1) + 1);
    req.str2[0] = 0;
    if (!sa || len < sizeof(sa_family_t))
        return USE_LIBC;
    if (sa->sa_family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
        size_t off = offsetof(struct sockaddr_un, sun_path);
        if (len <= off || len > sizeof *un || un->sun_path[0] == 0)
            return USE_LIBC;
        size_t n = strnlen(un->sun_path, len - off);
        if (n > LCS_MAX_SUN_PATH)
            return USE_LIBC;
        memcpy(req.str1, un->sun_path, n);
        req.str1[n] = 0;
        req.len1 = (uint32_t)n;
        req.fn = is_bind ? LCS_BIND_UNIX : LCS_CONNECT_UNIX;
    } else if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        memcpy(req.addr, &in->sin_addr, 4);
        req.port = ntohs(in->sin_port);
        req.fn = is_bind ? LCS_BIND_INET : LCS_CONNECT_INET;
    } else if (sa->sa_family == AF_INET6 &&
               len >= sizeof(struct sockaddr_in6)) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        memcpy(req.addr, &in6->sin6_addr, 16);
        req.port = ntohs(in6->sin6_port);
        req.scope_id = in6->sin6_scope_id;
        req.fn = is_bind ? LCS_BIND_INET6 : LCS_CONNECT_INET6;
    } else {
        return USE_LIBC;
    }
    struct lcs_reply rep;
    int fd_in;
    int rc = call(&req, fd, &rep, &fd_in);
    if (rc <= 0)
        return rc < 0 ? -1 : USE_LIBC;
    if (fd_in >= 0) {
        /* The master made the socket: it takes the place of ours, with
         * our close-on-exec flag. */
        int fdflags = fcntl(fd, F_GETFD);
        int r = dup3(fd_in, fd, fdflags > 0 && (fdflags & FD_CLOEXEC)
                                    ? O_CLOEXEC : 0);
        int err = errno;
        close(fd_in);
        if (r < 0) {
            errno = err;
            return -1;
        }
    }
    return int_result(&rep);
}

typedef int (*sockfn_t)(int, const struct sockaddr *, socklen_t);

EXPORT int connect(int fd, const struct sockaddr *sa, socklen_t len)
{
    int rc = service_fd < 0 ? USE_LIBC : sock_call(fd, sa, len, false);
    return rc == USE_LIBC ? REAL(connect, sockfn_t)(fd, sa, len) : rc;
}

EXPORT int bind(int fd, const struct sockaddr *sa, socklen_t len)
{
    int rc = service_fd < 0 ? USE_LIBC : sock_call(fd, sa, len, true);
    return rc == USE_LIBC ? REAL(bind, sockfn_t)(fd, sa, len) : rc;
}

/* ---- getaddrinfo -------------------------------------------------------------- */

typedef int (*gai_t)(const char *, const char *, const struct addrinfo *,
                     struct addrinfo **);

/* One block per answer, as glibc allocates them, so its freeaddrinfo()
 * frees ours. */
struct gai_block {
    struct addrinfo ai;
    struct sockaddr_storage ss;
};

static int build_answers(const struct lcs_reply *rep,
                         const struct addrinfo *hints, struct addrinfo **res)
{
    int family = hints ? hints->ai_family : AF_UNSPEC;
    int socktype = hints && hints->ai_socktype ? hints->ai_socktype
                                               : SOCK_STREAM;
    int protocol = hints && hints->ai_protocol ? hints->ai_protocol
                   : socktype == SOCK_STREAM   ? IPPROTO_TCP
                   : socktype == SOCK_DGRAM    ? IPPROTO_UDP : 0;
    struct addrinfo *head = NULL, **tail = &head;
    for (uint32_t i = 0; i < rep->count; i++) {
        const struct lcs_addr *a = &rep->addrs[i];
        int af = a->family == 4 ? AF_INET : AF_INET6;
        if (family != AF_UNSPEC && family != af)
            continue;
        struct gai_block *b = calloc(1, sizeof *b);
        if (!b) {
            freeaddrinfo(head);
            return EAI_MEMORY;
        }
        b->ai.ai_family = af;
        b->ai.ai_socktype = socktype;
        b->ai.ai_protocol = protocol;
        b->ai.ai_addr = (struct sockaddr *)&b->ss;
        uint16_t port = htons(a->port);
        if (af == AF_INET) {
            struct sockaddr_in *in = (struct sockaddr_in *)&b->ss;
            in->sin_family = AF_INET;
            in->sin_port = port;
            memcpy(&in->sin_addr, a->bytes, 4);
            b->ai.ai_addrlen = sizeof *in;
        } else {
            struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&b->ss;
            in6->sin6_family = AF_INET6;
            in6->sin6_port = port;
            in6->sin6_scope_id = a->scope_id;
            memcpy(&in6->sin6_addr, a->bytes, 16);
            b->ai.ai_addrlen = sizeof *in6;
        }
        *tail = &b->ai;
        tail = &b->ai.ai_next;
    }
    *res = head;
    return 0;
}

EXPORT int getaddrinfo(const char *node, const char *service,
                       const struct addrinfo *hints, struct addrinfo **res)
{
    if (service_fd < 0)
        return REAL(getaddrinfo, gai_t)(node, service, hints, res);
    if (!node && !service)
        return EAI_NONAME;
    struct lcs_request req;
    memset(&req, 0, offsetof(struct lcs_request, str1) + 1);
    req.str2[0] = 0;
    req.fn = LCS_GETADDRINFO;
    if (node) {
        if (!set_str(req.str1, &req.len1, node, LCS_MAX_NODE))
            return EAI_NONAME;
        req.flags |= LCS_GAI_NODE;
    }
    if (service) {
        if (!set_str(req.str2, &req.len2, service, LCS_MAX_SERVICE))
            return EAI_SERVICE;
        req.flags |= LCS_GAI_SERVICE;
    }
    int proto = hints ? hints->ai_protocol : 0;
    int socktype = hints ? hints->ai_socktype : 0;
    if (proto == IPPROTO_TCP || (!proto && socktype == SOCK_STREAM))
        req.protocol = LCS_PROTO_TCP;
    else if (proto == IPPROTO_UDP || (!proto && socktype == SOCK_DGRAM))
        req.protocol = LCS_PROTO_UDP;
    struct lcs_reply rep;
    int fd;
    int rc = call(&req, -1, &rep, &fd);
    if (rc < 0)
        return EAI_SYSTEM;
    if (rc == 0)
        return REAL(getaddrinfo, gai_t)(node, service, hints, res);
    static const int eai[LCS_EAI_LAST + 1] = {
        0, EAI_AGAIN, EAI_BADFLAGS, EAI_FAIL, EAI_FAMILY, EAI_MEMORY,
        EAI_NONAME, EAI_SERVICE, EAI_SOCKTYPE, EAI_SYSTEM,
    };
    if (rep.result) {
        if (rep.result == LCS_EAI_SYSTEM)
            errno = rep.err;
        return eai[rep.result];
    }
    return build_answers(&rep, hints, res);
}
