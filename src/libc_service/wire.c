/* The libc_service wire format (see wire.h).  One check function per
 * message kind decides what is valid; the encoders run it too. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "wire.h"

#define LCS_MAGIC 0x31534c45u   /* "ELS1" */

const char *const lcs_fn_names[LCS_FN_COUNT] = {
    "open", "openat", "unlink", "rename", "stat", "lstat", "access",
    "eaccess", "mkdir", "rmdir", "connect_unix", "connect_inet",
    "connect_inet6", "bind_unix", "bind_inet", "bind_inet6", "getaddrinfo",
};

const char *const lcs_eai_names[LCS_EAI_LAST + 1] = {
    NULL, "again", "badflags", "fail", "family", "memory", "noname",
    "service", "socktype", "system",
};

static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static uint32_t get32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static bool zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* A string of 1..max bytes, NUL-free, NUL-terminated in its buffer. */
static bool good_str(const char *s, uint32_t len, uint32_t max)
{
    return len >= 1 && len <= max && !memchr(s, 0, len) && s[len] == 0;
}

static bool no_str(const char *s, uint32_t len)
{
    return len == 0 && s[0] == 0;
}

static bool is_path_fn(int fn)
{
    return fn != LCS_GETADDRINFO && fn != LCS_CONNECT_INET &&
           fn != LCS_CONNECT_INET6 && fn != LCS_BIND_INET &&
           fn != LCS_BIND_INET6;
}

static bool check_request(const struct lcs_request *r)
{
    int fn = r->fn;
    if (fn >= LCS_FN_COUNT || r->nfds > 1)
        return false;
    bool open_like = fn == LCS_OPEN || fn == LCS_OPENAT;
    bool inet = fn == LCS_CONNECT_INET || fn == LCS_BIND_INET;
    bool inet6 = fn == LCS_CONNECT_INET6 || fn == LCS_BIND_INET6;
    bool sock = inet || inet6 || fn == LCS_CONNECT_UNIX ||
                fn == LCS_BIND_UNIX;
    bool gai = fn == LCS_GETADDRINFO;

    if (!gai && r->protocol)
        return false;
    if (gai ? (r->flags & ~3u) != 0 || r->protocol > LCS_PROTO_UDP
            : open_like ? (r->flags & ~(uint32_t)LCS_O_ALL) != 0
                        : r->flags != 0)
        return false;
    if (open_like) {
        unsigned acc = !!(r->flags & LCS_O_READ_ONLY) +
                       !!(r->flags & LCS_O_READ_WRITE) +
                       !!(r->flags & LCS_O_WRITE_ONLY);
        if (acc > 1)
            return false;
        bool may_mode = r->flags & (LCS_O_CREATE | LCS_O_TEMPORARY);
        if (r->mode > 07777 || (!may_mode && r->mode))
            return false;
    } else if (fn == LCS_MKDIR) {
        if (r->mode > 07777)
            return false;
    } else if (r->mode) {
        return false;
    }
    if (fn == LCS_OPENAT ? (r->resolve & ~(uint32_t)LCS_R_ALL) != 0
                         : r->resolve != 0)
        return false;
    if (fn == LCS_ACCESS || fn == LCS_EACCESS ? r->amode > LCS_A_ALL
                                              : r->amode != 0)
        return false;
    /* The fd beside the message: openat's dirfd (none for AT_FDCWD), the
     * socket of connect/bind, nothing else. */
    if (sock ? r->nfds != 1 : fn == LCS_OPENAT ? false : r->nfds != 0)
        return false;
    if (inet ? !zero(r->addr + 4, 12) : !inet6 && !zero(r->addr, 16))
        return false;
    if (!(inet || inet6) && r->port)
        return false;
    if (!inet6 && r->scope_id)
        return false;

    if (gai) {
        bool node = r->flags & LCS_GAI_NODE, serv = r->flags & LCS_GAI_SERVICE;
        if (!node && !serv)
            return false;
        if (node ? !good_str(r->str1, r->len1, LCS_MAX_NODE)
                 : !no_str(r->str1, r->len1))
            return false;
        return serv ? good_str(r->str2, r->len2, LCS_MAX_SERVICE)
                    : no_str(r->str2, r->len2);
    }
    if (is_path_fn(fn)) {
        uint32_t max = sock ? LCS_MAX_SUN_PATH : LCS_MAX_PATH;
        if (!good_str(r->str1, r->len1, max))
            return false;
    } else if (!no_str(r->str1, r->len1)) {
        return false;
    }
    return fn == LCS_RENAME ? good_str(r->str2, r->len2, LCS_MAX_PATH)
                            : no_str(r->str2, r->len2);
}

size_t lcs_encode_request(const struct lcs_request *r,
                          unsigned char buf[LCS_MAX_REQUEST])
{
    if (!check_request(r))
        return 0;
    memset(buf, 0, LCS_REQUEST_HEADER);
    put32(buf, LCS_MAGIC);
    buf[4] = r->fn;
    buf[5] = r->nfds;
    buf[6] = r->protocol;
    put32(buf + 8, r->flags);
    put32(buf + 12, r->resolve);
    put32(buf + 16, r->mode);
    put32(buf + 20, r->amode);
    memcpy(buf + 24, r->addr, 16);
    memcpy(buf + 40, &r->port, 2);
    put32(buf + 44, r->scope_id);
    put32(buf + 48, r->len1);
    put32(buf + 52, r->len2);
    memcpy(buf + LCS_REQUEST_HEADER, r->str1, r->len1);
    memcpy(buf + LCS_REQUEST_HEADER + r->len1, r->str2, r->len2);
    return LCS_REQUEST_HEADER + r->len1 + r->len2;
}

int lcs_decode_request(const unsigned char *buf, size_t len, int nfds,
                       struct lcs_request *r)
{
    if (len < LCS_REQUEST_HEADER || get32(buf) != LCS_MAGIC || buf[7] ||
        buf[42] || buf[43])
        return -EBADMSG;
    r->fn = buf[4];
    r->nfds = buf[5];
    r->protocol = buf[6];
    r->flags = get32(buf + 8);
    r->resolve = get32(buf + 12);
    r->mode = get32(buf + 16);
    r->amode = get32(buf + 20);
    memcpy(r->addr, buf + 24, 16);
    memcpy(&r->port, buf + 40, 2);
    r->scope_id = get32(buf + 44);
    r->len1 = get32(buf + 48);
    r->len2 = get32(buf + 52);
    if (r->len1 > LCS_MAX_PATH || r->len2 > LCS_MAX_PATH ||
        len != LCS_REQUEST_HEADER + (size_t)r->len1 + r->len2 ||
        nfds != r->nfds)
        return -EBADMSG;
    memcpy(r->str1, buf + LCS_REQUEST_HEADER, r->len1);
    r->str1[r->len1] = 0;
    memcpy(r->str2, buf + LCS_REQUEST_HEADER + r->len1, r->len2);
    r->str2[r->len2] = 0;
    return check_request(r) ? 0 : -EBADMSG;
}

bool lcs_reply_may_carry_fd(int fn)
{
    return fn == LCS_OPEN || fn == LCS_OPENAT ||
           (fn >= LCS_CONNECT_UNIX && fn <= LCS_BIND_INET6);
}

bool lcs_valid_file_type(uint64_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: case S_IFDIR: case S_IFLNK: case S_IFBLK: case S_IFCHR:
    case S_IFIFO: case S_IFSOCK:
        return true;
    }
    return false;
}

static bool check_stat(const struct lcs_stat *s)
{
    return lcs_valid_file_type(s->mode) && (s->mode & ~(uint64_t)(S_IFMT | 07777)) == 0 &&
           s->size >= 0 && s->blksize >= 0 &&
           s->atime_nsec >= 0 && s->atime_nsec < 1000000000 &&
           s->mtime_nsec >= 0 && s->mtime_nsec < 1000000000 &&
           s->ctime_nsec >= 0 && s->ctime_nsec < 1000000000;
}

static bool check_addr(const struct lcs_addr *a)
{
    if (a->has_port > 1 || (!a->has_port && a->port))
        return false;
    if (a->family == 4)
        return a->scope_id == 0 && zero(a->bytes + 4, 12);
    return a->family == 6;
}

static bool check_reply(const struct lcs_reply *r, int nfds, int fn)
{
    if (r->fn != fn || fn >= LCS_FN_COUNT || r->kind > 1 || r->nfds > 1 ||
        r->nfds != nfds)
        return false;
    if (r->kind == LCS_REPLY_USE_SLAVE_CREDENTIALS)
        return r->nfds == 0 && r->result == 0 && r->err == 0 &&
               r->count == 0;
    if (r->err < 0 || r->err > LCS_MAX_ERRNO)
        return false;
    if (r->nfds && (!lcs_reply_may_carry_fd(fn) || r->result < 0))
        return false;
    if (fn == LCS_STAT || fn == LCS_LSTAT) {
        /* A table (count 1) is the success; else result -1. */
        if (r->count > 1 || (r->count == 1 ? r->result != 0 || r->err != 0 ||
                                                 !check_stat(&r->st)
                                           : r->result != -1))
            return false;
        return true;
    }
    if (fn == LCS_GETADDRINFO) {
        if (r->result < 0 || r->result > LCS_EAI_LAST ||
            r->count > LCS_MAX_ADDRS || (r->result && r->count))
            return false;
        if (r->result != LCS_EAI_SYSTEM && r->err)
            return false;
        for (uint32_t i = 0; i < r->count; i++)
            if (!check_addr(&r->addrs[i]))
                return false;
        return true;
    }
    return r->count == 0;
}

static size_t reply_body(const struct lcs_reply *r)
{
    if (r->kind != LCS_REPLY_RESULT)
        return 0;
    if (r->fn == LCS_STAT || r->fn == LCS_LSTAT)
        return r->count ? sizeof r->st : 0;
    if (r->fn == LCS_GETADDRINFO)
        return (size_t)r->count * 24;
    return 0;
}

size_t lcs_encode_reply(const struct lcs_reply *r,
                        unsigned char buf[LCS_MAX_REPLY])
{
    if (!check_reply(r, r->nfds, r->fn))
        return 0;
    memset(buf, 0, LCS_REPLY_HEADER);
    put32(buf, LCS_MAGIC);
    buf[4] = r->fn;
    buf[5] = r->kind;
    buf[6] = r->nfds;
    put32(buf + 8, (uint32_t)r->result);
    put32(buf + 12, (uint32_t)r->err);
    put32(buf + 16, r->count);
    unsigned char *p = buf + LCS_REPLY_HEADER;
    size_t body = reply_body(r);
    if (r->fn == LCS_GETADDRINFO) {
        for (uint32_t i = 0; i < r->count; i++, p += 24) {
            const struct lcs_addr *a = &r->addrs[i];
            p[0] = a->family;
            p[1] = a->has_port;
            memcpy(p + 2, &a->port, 2);
            put32(p + 4, a->scope_id);
            memcpy(p + 8, a->bytes, 16);
        }
    } else if (body) {
        memcpy(p, &r->st, body);
    }
    return LCS_REPLY_HEADER + body;
}

int lcs_decode_reply(const unsigned char *buf, size_t len, int nfds, int fn,
                     struct lcs_reply *r)
{
    if (len < LCS_REPLY_HEADER || get32(buf) != LCS_MAGIC || buf[7] ||
        get32(buf + 20))
        return -EBADMSG;
    r->fn = buf[4];
    r->kind = buf[5];
    r->nfds = buf[6];
    r->result = (int32_t)get32(buf + 8);
    r->err = (int32_t)get32(buf + 12);
    r->count = get32(buf + 16);
    if (r->count > LCS_MAX_ADDRS || len != LCS_REPLY_HEADER + reply_body(r))
        return -EBADMSG;
    const unsigned char *p = buf + LCS_REPLY_HEADER;
    if (r->kind == LCS_REPLY_RESULT && r->fn == LCS_GETADDRINFO) {
        for (uint32_t i = 0; i < r->count; i++, p += 24) {
            struct lcs_addr *a = &r->addrs[i];
            a->family = p[0];
            a->has_port = p[1];
            memcpy(&a->port, p + 2, 2);
            a->scope_id = get32(p + 4);
            memcpy(a->bytes, p + 8, 16);
        }
    } else if (len > LCS_REPLY_HEADER) {
        memcpy(&r->st, p, sizeof r->st);
    }
    return check_reply(r, nfds, fn) ? 0 : -EBADMSG;
}
