/* The wire format between libemilua-libc-service.so (the slave end, in the
 * sandboxed process) and the libc_service module (the master end).  One
 * request or reply is one SOCK_SEQPACKET message: a fixed header, then the
 * strings; an fd travels beside it in SCM_RIGHTS (openat's dirfd, the
 * socket of connect/bind; in a reply, open's result).  Both ends are on
 * the same machine, so integers are in host order.
 *
 * Decoding is strict: a field the function does not use must be zero, a
 * flag must be known, a string must be non-empty, NUL-free and short
 * enough, and the length must be exact.  Anything else is -EBADMSG and
 * the receiving side closes the service.  No Lua and no libuv here: the
 * shared library links this file too. */
#ifndef EMILUA_LIBC_SERVICE_WIRE_H
#define EMILUA_LIBC_SERVICE_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum lcs_fn {
    LCS_OPEN, LCS_OPENAT, LCS_UNLINK, LCS_RENAME, LCS_STAT, LCS_LSTAT,
    LCS_ACCESS, LCS_EACCESS, LCS_MKDIR, LCS_RMDIR,
    LCS_CONNECT_UNIX, LCS_CONNECT_INET, LCS_CONNECT_INET6,
    LCS_BIND_UNIX, LCS_BIND_INET, LCS_BIND_INET6,
    LCS_GETADDRINFO,
    LCS_FN_COUNT
};

/* "open", "openat", ... as the reference names them (function_). */
extern const char *const lcs_fn_names[LCS_FN_COUNT];

/* open flags, our own bits (the wire carries no O_* values). */
enum {
    LCS_O_APPEND = 1 << 0, LCS_O_CREATE = 1 << 1, LCS_O_DIRECTORY = 1 << 2,
    LCS_O_EXCLUSIVE = 1 << 3, LCS_O_NO_FOLLOW = 1 << 4, LCS_O_PATH = 1 << 5,
    LCS_O_READ_ONLY = 1 << 6, LCS_O_READ_WRITE = 1 << 7,
    LCS_O_SYNC = 1 << 8, LCS_O_TEMPORARY = 1 << 9, LCS_O_TRUNCATE = 1 << 10,
    LCS_O_WRITE_ONLY = 1 << 11,
    LCS_O_ALL = (1 << 12) - 1
};
/* openat's resolve flags (openat2's RESOLVE_*). */
enum {
    LCS_R_BENEATH = 1 << 0, LCS_R_IN_ROOT = 1 << 1,
    LCS_R_NO_MAGICLINKS = 1 << 2, LCS_R_NO_SYMLINKS = 1 << 3,
    LCS_R_NO_XDEV = 1 << 4, LCS_R_CACHED = 1 << 5,
    LCS_R_ALL = (1 << 6) - 1
};
/* access modes; 0 is "f" (F_OK). */
enum { LCS_A_R = 1, LCS_A_W = 2, LCS_A_X = 4, LCS_A_ALL = 7 };
/* getaddrinfo: which of node and service were given, and the protocol. */
enum { LCS_GAI_NODE = 1, LCS_GAI_SERVICE = 2 };
enum { LCS_PROTO_NONE, LCS_PROTO_TCP, LCS_PROTO_UDP };
/* getaddrinfo failures, in the reference's order ("again" .. "system"). */
enum {
    LCS_EAI_AGAIN = 1, LCS_EAI_BADFLAGS, LCS_EAI_FAIL, LCS_EAI_FAMILY,
    LCS_EAI_MEMORY, LCS_EAI_NONAME, LCS_EAI_SERVICE, LCS_EAI_SOCKTYPE,
    LCS_EAI_SYSTEM, LCS_EAI_LAST = LCS_EAI_SYSTEM
};
extern const char *const lcs_eai_names[LCS_EAI_LAST + 1]; /* [0] NULL */

#define LCS_MAX_PATH 4095       /* PATH_MAX less the NUL */
#define LCS_MAX_SUN_PATH 107    /* sun_path less the NUL */
#define LCS_MAX_NODE 1025       /* NI_MAXHOST */
#define LCS_MAX_SERVICE 32      /* NI_MAXSERV */
#define LCS_MAX_ADDRS 64        /* getaddrinfo answers kept */
#define LCS_MAX_ERRNO 4095

struct lcs_request {
    uint8_t fn;
    uint8_t nfds;               /* 0 or 1: the fd beside the message */
    uint8_t protocol;           /* getaddrinfo */
    uint32_t flags;             /* open/openat: LCS_O_*; getaddrinfo: LCS_GAI_* */
    uint32_t resolve;           /* openat */
    uint32_t mode;              /* open/openat with create|temporary, mkdir */
    uint32_t amode;             /* access/eaccess */
    uint8_t addr[16];           /* connect/bind inet: 4 bytes, inet6: 16 */
    uint16_t port;
    uint32_t scope_id;          /* inet6 */
    uint32_t len1, len2;
    char str1[LCS_MAX_PATH + 1];    /* path, path1, node (NUL-terminated) */
    char str2[LCS_MAX_PATH + 1];    /* path2, service */
};

/* A stat answer, all 64-bit so the struct has no padding to leak. */
struct lcs_stat {
    uint64_t dev, ino, mode, nlink, uid, gid, rdev;
    int64_t size, blksize;
    int64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec, ctime_sec,
            ctime_nsec;
};

struct lcs_addr {
    uint8_t family;             /* 4 or 6 */
    uint8_t has_port;
    uint16_t port;
    uint32_t scope_id;
    uint8_t bytes[16];
};

enum { LCS_REPLY_RESULT, LCS_REPLY_USE_SLAVE_CREDENTIALS };

struct lcs_reply {
    uint8_t fn;                 /* the request's */
    uint8_t kind;
    uint8_t nfds;               /* open/openat (the file), connect/bind */
    int32_t result;             /* getaddrinfo: 0 or LCS_EAI_* */
    int32_t err;                /* errno, 0..LCS_MAX_ERRNO */
    uint32_t count;             /* stat: 0/1 tables; getaddrinfo: answers */
    struct lcs_stat st;
    struct lcs_addr addrs[LCS_MAX_ADDRS];
};

#define LCS_REQUEST_HEADER 56
#define LCS_MAX_REQUEST (LCS_REQUEST_HEADER + 2 * LCS_MAX_PATH)
#define LCS_REPLY_HEADER 24
#define LCS_MAX_REPLY (LCS_REPLY_HEADER + LCS_MAX_ADDRS * 24)

/* Encoders return the length written, or 0 when the value would not pass
 * the decoder (so neither end can send what the other must refuse). */
size_t lcs_encode_request(const struct lcs_request *r,
                          unsigned char buf[LCS_MAX_REQUEST]);
size_t lcs_encode_reply(const struct lcs_reply *r,
                        unsigned char buf[LCS_MAX_REPLY]);

/* 0, or -EBADMSG.  nfds is how many fds came beside the message; for a
 * reply, fn is the function of the request it answers. */
int lcs_decode_request(const unsigned char *buf, size_t len, int nfds,
                       struct lcs_request *out);
int lcs_decode_reply(const unsigned char *buf, size_t len, int nfds,
                     int fn, struct lcs_reply *out);

/* True when fn's reply may carry an fd. */
bool lcs_reply_may_carry_fd(int fn);
/* True for stat's file type bits (S_IFMT) of a known type. */
bool lcs_valid_file_type(uint64_t mode);

#endif
