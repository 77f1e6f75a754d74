/* tls.socket: an SSL over a connected TCP socket's fd, on the IO-object
 * layer (emilua/io.h).
 *
 * OpenSSL reads and writes the nonblocking fd itself (SSL_set_fd).  Each
 * Lua call is one SSL_* attempt; SSL_ERROR_WANT_READ/WRITE make the fiber
 * wait for that direction, whatever the operation (a read may have to
 * write during a key update, a write may have to read).  Errors follow
 * Boost.Asio's ssl::stream: a close_notify from the peer is
 * asio_error.misc.eof, the transport ending without one is
 * asio.ssl.stream's stream_truncated, OpenSSL's own errors are asio.ssl
 * values and system errors stay errno values. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>

#include <emilua/byte_span.h>
#include <emilua/io.h>

#include "tls_module.h"

struct tls_socket {
    emilua_io io;
    SSL *ssl;
    bool role_set;              /* connect or accept state chosen */
    /* the bytes of the record a waiting write left in OpenSSL */
    unsigned char *wpend_buf;
    size_t wpend_len;           /* 0: none */
    void *wpend_owner;          /* the write they belong to (op->data) */
    uintptr_t writes;           /* numbers the writes, for wpend_owner */
};

/* Statuses of the try functions besides errno values and EMILUA_EOF;
 * far from both and from EMILUA_IO_WANT_*. */
#define TLS_STATUS_SSL (-0x20001)       /* the ERR code is in op->flags */
#define TLS_STATUS_TRUNCATED (-0x20002)

static const emilua_udata_type socket_type;

/* ---- one SSL_* attempt ---------------------------------------------------- */

/* The status of a failed SSL_* call that returned r; errno is still the
 * call's. */
static ssize_t failure(struct tls_socket *s, emilua_io_op *op, int r)
{
    int saved_errno = errno;
    int e = SSL_get_error(s->ssl, r);
    unsigned long err = ERR_get_error();
    ERR_clear_error();
    switch (e) {
    case SSL_ERROR_WANT_READ:
        return EMILUA_IO_WANT_READ;
    case SSL_ERROR_WANT_WRITE:
        return EMILUA_IO_WANT_WRITE;
    case SSL_ERROR_ZERO_RETURN:
        return EMILUA_EOF;
    case SSL_ERROR_SYSCALL:
        if (err == 0)
            return saved_errno ? -saved_errno : TLS_STATUS_TRUNCATED;
        break;
    case SSL_ERROR_SSL:
        if (ERR_GET_LIB(err) == ERR_LIB_SSL &&
            ERR_GET_REASON(err) == SSL_R_UNEXPECTED_EOF_WHILE_READING)
            return TLS_STATUS_TRUNCATED;
        break;
    default:
        break;
    }
    if (err == 0)
        return -EIO;
    if (ERR_SYSTEM_ERROR(err))
        return -ERR_GET_REASON(err);
    op->flags = (int)err;
    return TLS_STATUS_SSL;
}

static ssize_t try_handshake(emilua_io *io, emilua_io_op *op)
{
    struct tls_socket *s = (struct tls_socket *)io;
    ERR_clear_error();
    errno = 0;
    int r = SSL_do_handshake(s->ssl);
    return r == 1 ? 0 : failure(s, op, r);
}

static ssize_t try_read(emilua_io *io, emilua_io_op *op)
{
    struct tls_socket *s = (struct tls_socket *)io;
    if (op->len == 0)
        return 0;
    size_t n;
    ERR_clear_error();
    errno = 0;
    int r = SSL_read_ex(s->ssl, op->buf, op->len, &n);
    return r == 1 ? (ssize_t)n : failure(s, op, r);
}

/* A write that had to wait has handed one record to OpenSSL, which must
 * be retried with the same bytes; they are copied here, so a write
 * canceled while it waited cannot corrupt the next one: the next write
 * sends the old record first. */
static bool keep_pending(struct tls_socket *s, emilua_io_op *op,
                         const unsigned char *buf, size_t len)
{
    if (s->wpend_len)
        return true;            /* buf is the copy already */
    if (!s->wpend_buf && !(s->wpend_buf = malloc(SSL3_RT_MAX_PLAIN_LENGTH)))
        return false;
    if (len > SSL3_RT_MAX_PLAIN_LENGTH)
        len = SSL3_RT_MAX_PLAIN_LENGTH;
    memcpy(s->wpend_buf, buf, len);
    s->wpend_len = len;
    s->wpend_owner = op->data;
    return true;
}

static ssize_t try_write(emilua_io *io, emilua_io_op *op)
{
    struct tls_socket *s = (struct tls_socket *)io;
    size_t n;
    int r;
    if (s->wpend_len && s->wpend_owner != op->data) {
        /* left by a canceled write: its record goes out first */
        ERR_clear_error();
        errno = 0;
        r = SSL_write_ex(s->ssl, s->wpend_buf, s->wpend_len, &n);
        if (r != 1) {
            ssize_t st = failure(s, op, r);
            if (st != EMILUA_IO_WANT_READ && st != EMILUA_IO_WANT_WRITE)
                s->wpend_len = 0;
            return st;
        }
        s->wpend_len = 0;
    }
    if (op->len == 0)
        return 0;
    const unsigned char *buf = s->wpend_len ? s->wpend_buf : op->buf;
    size_t len = s->wpend_len ? s->wpend_len : op->len;
    ERR_clear_error();
    errno = 0;
    r = SSL_write_ex(s->ssl, buf, len, &n);
    if (r == 1) {
        s->wpend_len = 0;
        return (ssize_t)n;
    }
    ssize_t st = failure(s, op, r);
    if (st == EMILUA_IO_WANT_READ || st == EMILUA_IO_WANT_WRITE) {
        if (!keep_pending(s, op, buf, len))
            return -ENOMEM;
    } else {
        s->wpend_len = 0;
    }
    return st;
}

/* As Boost.Asio: send close_notify, then wait for the peer's. */
static ssize_t try_shutdown(emilua_io *io, emilua_io_op *op)
{
    struct tls_socket *s = (struct tls_socket *)io;
    ERR_clear_error();
    errno = 0;
    int r = SSL_shutdown(s->ssl);
    if (r == 0) {
        errno = 0;
        r = SSL_shutdown(s->ssl);
    }
    return r == 1 ? 0 : failure(s, op, r);
}

static void push_error(lua_State *L, emilua_io_op *op, ssize_t result)
{
    if (result == TLS_STATUS_SSL)
        emilua_push_ssl_error(L, (unsigned long)op->flags);
    else if (result == TLS_STATUS_TRUNCATED)
        emilua_push_error(L, &emilua_asio_ssl_stream_category,
                          EMILUA_ASIO_SSL_STREAM_TRUNCATED);
    else
        emilua_push_status(L, (int)result);
}

static int push_nothing(lua_State *L, emilua_io_op *op, ssize_t result)
{
    return 0;
}

/* ---- operations ------------------------------------------------------------ */

static int submit(lua_State *L, emilua_io_op *op)
{
    op->push_error = push_error;
    return emilua_io_submit(L, op);
}

static int handshake(lua_State *L, bool client)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT,
                                          try_handshake, push_nothing);
    /* Once only: choosing the role again would restart a handshake that
     * a canceled call left half done. */
    if (!s->role_set) {
        if (client)
            SSL_set_connect_state(s->ssl);
        else
            SSL_set_accept_state(s->ssl);
        s->role_set = true;
    }
    return submit(L, op);
}

static int socket_client_handshake(lua_State *L)
{
    return handshake(L, true);
}

static int socket_server_handshake(lua_State *L)
{
    return handshake(L, false);
}

static int socket_read_some(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    emilua_byte_span *b = emilua_check_byte_span(L, 2);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_IN, try_read,
                                          NULL);
    emilua_io_op_buffer(op, b);
    return submit(L, op);
}

static int socket_write_some(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    emilua_byte_span *b = emilua_check_byte_span(L, 2);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT, try_write,
                                          NULL);
    emilua_io_op_buffer(op, b);
    op->data = (void *)++s->writes;
    return submit(L, op);
}

static int socket_shutdown(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    emilua_io_op *op = emilua_io_op_begin(L, &s->io, EMILUA_IO_OUT,
                                          try_shutdown, push_nothing);
    return submit(L, op);
}

static int socket_close(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    int rc = emilua_io_close(&s->io);
    if (rc < 0)
        return emilua_raise_errno(L, -rc);
    return 0;
}

static int socket_cancel(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    emilua_io_cancel(&s->io);
    return 0;
}

/* ---- per-connection settings ----------------------------------------------- */

static int socket_set_server_name(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    size_t len;
    const char *host = emilua_check_string(L, 2, &len, "hostname");
    if (len == 0 || strlen(host) != len)
        return emilua_raise_einval_arg(L, 2);
    ERR_clear_error();
    if (!SSL_set_tlsext_host_name(s->ssl, host))
        return emilua_raise_ssl_error(L);
    return 0;
}

static int socket_set_verify_callback(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    const char *cb = emilua_check_string(L, 2, NULL, "callback");
    if (strcmp(cb, "host_name_verification") != 0)
        return emilua_raise_einval_arg(L, 2);
    size_t len;
    const char *host = emilua_check_string(L, 3, &len, "host_name");
    if (len == 0 || strlen(host) != len)
        return emilua_raise_einval_arg(L, 3);
    ERR_clear_error();
    if (!tls_param_set_host(SSL_get0_param(s->ssl), host, len))
        return emilua_raise_ssl_error(L);
    return 0;
}

static int socket_set_verify_depth(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    lua_Integer depth = emilua_check_integer(L, 2, "depth");
    if (depth < 0 || depth > INT_MAX)
        return emilua_raise_einval_arg(L, 2);
    SSL_set_verify_depth(s->ssl, (int)depth);
    return 0;
}

static int socket_set_verify_mode(lua_State *L)
{
    struct tls_socket *s = emilua_object_check(L, 1, &socket_type);
    int mode = emilua_tls_verify_mode(emilua_check_string(L, 2, NULL, "mode"));
    if (mode < 0)
        return emilua_raise_einval_arg(L, 2);
    SSL_set_verify(s->ssl, mode, SSL_get_verify_callback(s->ssl));
    return 0;
}

/* ---- the object -------------------------------------------------------------- */

static void socket_finalize(emilua_io *io)
{
    struct tls_socket *s = (struct tls_socket *)io;
    SSL_free(s->ssl);
    s->ssl = NULL;
    free(s->wpend_buf);
}

void *tls_socket_push(lua_State *L, SSL_CTX *ctx)
{
    struct tls_socket *s = emilua_io_new(L, &socket_type, sizeof *s);
    s->io.finalize = socket_finalize;
    ERR_clear_error();
    if (!(s->ssl = SSL_new(ctx)))
        emilua_raise_ssl_error(L);
    /* write_some returns what one record took; a write retried after a
     * wait passes the copy of its bytes (keep_pending). */
    SSL_set_mode(s->ssl, SSL_MODE_ENABLE_PARTIAL_WRITE |
                         SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    return s;
}

int tls_socket_attach(void *socket, int fd)
{
    struct tls_socket *s = socket;
    if (s->io.fd >= 0)
        return -EBUSY;
    /* The BIO does not own fd (BIO_NOCLOSE): the IO object closes it. */
    ERR_clear_error();
    if (!SSL_set_fd(s->ssl, fd)) {
        ERR_clear_error();
        return -ENOMEM;
    }
    return emilua_io_assign(&s->io, fd, false);
}

static const emilua_reg socket_methods[] = {
    {"client_handshake", socket_client_handshake, EMILUA_SUSPENDS},
    {"server_handshake", socket_server_handshake, EMILUA_SUSPENDS},
    {"read_some", socket_read_some, EMILUA_SUSPENDS},
    {"write_some", socket_write_some, EMILUA_SUSPENDS},
    {"shutdown", socket_shutdown, EMILUA_SUSPENDS},
    {"close", socket_close, 0},
    {"cancel", socket_cancel, 0},
    {"set_server_name", socket_set_server_name, 0},
    {"set_verify_callback", socket_set_verify_callback, 0},
    {"set_verify_depth", socket_set_verify_depth, 0},
    {"set_verify_mode", socket_set_verify_mode, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg socket_metamethods[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type socket_type = {
    .name = "tls.socket",
    .methods = socket_methods,
    .metamethods = socket_metamethods,
};
