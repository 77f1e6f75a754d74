/* The libc_service wire format: every function's request and reply round
 * trips, and what must be refused is refused (so a hostile peer can only
 * break the service, never get a value past the decoder).  Random bytes
 * and random single-byte corruptions must decode to -EBADMSG or to a
 * value that encodes back to the same bytes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "libc_service/wire.h"

static unsigned char buf[LCS_MAX_REQUEST + 64];
static unsigned char buf2[LCS_MAX_REQUEST + 64];

static struct lcs_request req(int fn, const char *s1, const char *s2)
{
    struct lcs_request r;
    memset(&r, 0, sizeof r);
    r.fn = (uint8_t)fn;
    if (s1) {
        r.len1 = (uint32_t)strlen(s1);
        memcpy(r.str1, s1, r.len1 + 1);
    }
    if (s2) {
        r.len2 = (uint32_t)strlen(s2);
        memcpy(r.str2, s2, r.len2 + 1);
    }
    return r;
}

static bool round_trip(const struct lcs_request *r)
{
    size_t n = lcs_encode_request(r, buf);
    struct lcs_request out;
    if (n == 0 || lcs_decode_request(buf, n, r->nfds, &out) != 0)
        return false;
    return out.fn == r->fn && out.flags == r->flags &&
           out.mode == r->mode && out.resolve == r->resolve &&
           out.amode == r->amode && out.port == r->port &&
           out.scope_id == r->scope_id && !memcmp(out.addr, r->addr, 16) &&
           !strcmp(out.str1, r->str1) && !strcmp(out.str2, r->str2) &&
           out.protocol == r->protocol;
}

static void requests(void)
{
    struct lcs_request r;
    /* each function once */
    for (int fn = 0; fn < LCS_FN_COUNT; fn++) {
        switch (fn) {
        case LCS_RENAME:
            r = req(fn, "/a", "/b");
            break;
        case LCS_GETADDRINFO:
            r = req(fn, "localhost", "http");
            r.flags = LCS_GAI_NODE | LCS_GAI_SERVICE;
            r.protocol = LCS_PROTO_TCP;
            break;
        case LCS_CONNECT_INET: case LCS_BIND_INET:
            r = req(fn, NULL, NULL);
            r.addr[0] = 127, r.addr[3] = 1, r.port = 80, r.nfds = 1;
            break;
        case LCS_CONNECT_INET6: case LCS_BIND_INET6:
            r = req(fn, NULL, NULL);
            r.addr[15] = 1, r.port = 443, r.scope_id = 2, r.nfds = 1;
            break;
        case LCS_CONNECT_UNIX: case LCS_BIND_UNIX:
            r = req(fn, "/run/x.sock", NULL);
            r.nfds = 1;
            break;
        default:
            r = req(fn, "/etc/hosts", NULL);
        }
        if (fn == LCS_OPEN || fn == LCS_OPENAT) {
            r.flags = LCS_O_CREATE | LCS_O_WRITE_ONLY;
            r.mode = 0644;
        }
        if (fn == LCS_OPENAT)
            r.resolve = LCS_R_BENEATH | LCS_R_CACHED;
        if (fn == LCS_ACCESS || fn == LCS_EACCESS)
            r.amode = LCS_A_R | LCS_A_X;
        if (fn == LCS_MKDIR)
            r.mode = 0755;
        CHECK(round_trip(&r));
    }

    /* refused: fields a function does not use, unknown bits, strings */
    r = req(LCS_OPEN, "/x", NULL);
    r.mode = 0600;                      /* mode without create */
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_OPEN, "/x", NULL);
    r.flags = LCS_O_READ_ONLY | LCS_O_WRITE_ONLY;
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_OPEN, "/x", NULL);
    r.flags = 1u << 20;
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_OPEN, "/x", NULL);
    r.resolve = LCS_R_BENEATH;          /* only openat resolves */
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_OPEN, "/x", NULL);
    r.nfds = 1;                         /* open takes no dirfd */
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_UNLINK, "", NULL);
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_UNLINK, "/x", "/y");
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_CONNECT_UNIX, "/x", NULL);  /* no socket beside it */
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_CONNECT_INET, NULL, NULL);
    r.nfds = 1, r.addr[5] = 1;          /* IPv4 with bytes past 4 */
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_GETADDRINFO, NULL, NULL);   /* neither node nor service */
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_ACCESS, "/x", NULL);
    r.amode = 8;
    CHECK(lcs_encode_request(&r, buf) == 0);
    r = req(LCS_FN_COUNT, "/x", NULL);
    CHECK(lcs_encode_request(&r, buf) == 0);
    char *longp = malloc(LCS_MAX_PATH + 2);
    memset(longp, 'a', LCS_MAX_PATH + 1);
    longp[LCS_MAX_PATH + 1] = 0;
    r = req(LCS_STAT, NULL, NULL);
    memcpy(r.str1, longp, LCS_MAX_PATH);
    r.str1[LCS_MAX_PATH] = 0;
    r.len1 = LCS_MAX_PATH;
    CHECK(round_trip(&r));              /* the longest path passes */
    free(longp);

    /* decoding: exact length, fd count, embedded NUL, magic */
    struct lcs_request out;
    r = req(LCS_STAT, "/etc/hosts", NULL);
    size_t n = lcs_encode_request(&r, buf);
    CHECK(lcs_decode_request(buf, n, 0, &out) == 0);
    CHECK(lcs_decode_request(buf, n - 1, 0, &out) == -EBADMSG);
    CHECK(lcs_decode_request(buf, n, 1, &out) == -EBADMSG);
    memcpy(buf2, buf, n);
    buf2[n] = 'x';
    CHECK(lcs_decode_request(buf2, n + 1, 0, &out) == -EBADMSG);
    memcpy(buf2, buf, n);
    buf2[n - 3] = 0;
    CHECK(lcs_decode_request(buf2, n, 0, &out) == -EBADMSG);
    memcpy(buf2, buf, n);
    buf2[0] ^= 1;
    CHECK(lcs_decode_request(buf2, n, 0, &out) == -EBADMSG);
    CHECK(lcs_decode_request(buf, 3, 0, &out) == -EBADMSG);
    /* a huge length field must not be trusted */
    memcpy(buf2, buf, n);
    memset(buf2 + 48, 0xff, 4);
    CHECK(lcs_decode_request(buf2, n, 0, &out) == -EBADMSG);
}

static struct lcs_reply rep(int fn)
{
    struct lcs_reply r;
    memset(&r, 0, sizeof r);
    r.fn = (uint8_t)fn;
    return r;
}

static void replies(void)
{
    struct lcs_reply r, out;
    size_t n;

    r = rep(LCS_OPEN);
    r.nfds = 1;
    n = lcs_encode_reply(&r, buf);
    CHECK(n && lcs_decode_reply(buf, n, 1, LCS_OPEN, &out) == 0);
    CHECK(lcs_decode_reply(buf, n, 0, LCS_OPEN, &out) == -EBADMSG);
    CHECK(lcs_decode_reply(buf, n, 1, LCS_OPENAT, &out) == -EBADMSG);
    r.result = -1;                      /* an fd with a failure */
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r = rep(LCS_UNLINK);
    r.nfds = 1;                         /* unlink answers no fd */
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r = rep(LCS_UNLINK);
    r.result = -1, r.err = EACCES;
    n = lcs_encode_reply(&r, buf);
    CHECK(n && lcs_decode_reply(buf, n, 0, LCS_UNLINK, &out) == 0 &&
          out.result == -1 && out.err == EACCES);
    r.err = 5000;
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r = rep(LCS_MKDIR);
    r.kind = LCS_REPLY_USE_SLAVE_CREDENTIALS;
    n = lcs_encode_reply(&r, buf);
    CHECK(n && lcs_decode_reply(buf, n, 0, LCS_MKDIR, &out) == 0 &&
          out.kind == LCS_REPLY_USE_SLAVE_CREDENTIALS);
    r.result = 3;
    CHECK(lcs_encode_reply(&r, buf) == 0);

    r = rep(LCS_STAT);
    r.count = 1;
    r.st.mode = S_IFREG | 0644;
    r.st.size = 12;
    r.st.mtime_sec = 1700000000, r.st.mtime_nsec = 5;
    n = lcs_encode_reply(&r, buf);
    CHECK(n && lcs_decode_reply(buf, n, 0, LCS_STAT, &out) == 0 &&
          out.st.size == 12 && out.st.mtime_nsec == 5);
    r.st.mode = 0644;                   /* no file type */
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r.st.mode = S_IFREG, r.st.atime_nsec = 1000000000;
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r = rep(LCS_STAT);
    r.result = 0;                       /* success must carry a table */
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r.result = -1, r.err = ENOENT;
    n = lcs_encode_reply(&r, buf);
    CHECK(n && lcs_decode_reply(buf, n, 0, LCS_STAT, &out) == 0);

    r = rep(LCS_GETADDRINFO);
    r.count = 2;
    r.addrs[0] = (struct lcs_addr){.family = 4, .has_port = 1, .port = 80,
                                   .bytes = {127, 0, 0, 1}};
    r.addrs[1] = (struct lcs_addr){.family = 6, .scope_id = 1,
                                   .bytes = {[15] = 1}};
    n = lcs_encode_reply(&r, buf);
    CHECK(n && lcs_decode_reply(buf, n, 0, LCS_GETADDRINFO, &out) == 0 &&
          out.count == 2 && out.addrs[0].port == 80 &&
          out.addrs[1].scope_id == 1);
    r.addrs[1].family = 5;
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r = rep(LCS_GETADDRINFO);
    r.result = LCS_EAI_NONAME;
    n = lcs_encode_reply(&r, buf);
    CHECK(n && lcs_decode_reply(buf, n, 0, LCS_GETADDRINFO, &out) == 0);
    r.err = EIO;                        /* errno only with "system" */
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r.result = LCS_EAI_LAST + 1, r.err = 0;
    CHECK(lcs_encode_reply(&r, buf) == 0);
    r = rep(LCS_GETADDRINFO);
    r.count = LCS_MAX_ADDRS + 1;
    CHECK(lcs_encode_reply(&r, buf) == 0);
}

/* Random messages never decode into something the encoder would not
 * write back byte for byte. */
static void random_bytes(void)
{
    srand(14);
    struct lcs_request r;
    struct lcs_reply p;
    for (int i = 0; i < 200000; i++) {
        size_t n = (size_t)(rand() % 200);
        for (size_t k = 0; k < n; k++)
            buf[k] = (unsigned char)rand();
        if (n >= 8 && rand() % 2) {     /* a valid magic now and then */
            buf[0] = 'E', buf[1] = 'L', buf[2] = 'S', buf[3] = '1';
            buf[4] %= LCS_FN_COUNT;
            buf[7] = 0;
        }
        int nfds = rand() % 2;
        if (lcs_decode_request(buf, n, nfds, &r) == 0)
            CHECK(lcs_encode_request(&r, buf2) == n &&
                  memcmp(buf, buf2, n) == 0);
        if (lcs_decode_reply(buf, n, nfds, buf[4] % LCS_FN_COUNT, &p) == 0)
            CHECK(lcs_encode_reply(&p, buf2) == n);
    }
}

int main(void)
{
    requests();
    replies();
    random_bytes();
    return check_failures != 0;
}
