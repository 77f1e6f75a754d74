/* The C side of the tls module, for tls.socket and tls.dial.
 *
 * A tls.context userdata owns one SSL_CTX reference.  SSL_new() takes a
 * reference of its own, so a connection keeps working after the Lua
 * context is collected.  Errors of OpenSSL are error tables of category
 * "asio.ssl" (the packed ERR code), except system errors (a file that
 * cannot be opened...), which are system-category errno values. */
#ifndef EMILUA_TLS_H
#define EMILUA_TLS_H

#include <openssl/ssl.h>

#include <emilua/api.h>

extern const emilua_error_category emilua_asio_ssl_category;
/* Category "asio.ssl.stream": what Boost.Asio reports of a TLS stream
 * itself.  stream_truncated: the transport ended without the peer's
 * close_notify (a clean TLS close is asio_error.misc.eof). */
extern const emilua_error_category emilua_asio_ssl_stream_category;
enum emilua_asio_ssl_stream {
    EMILUA_ASIO_SSL_STREAM_TRUNCATED = 1,
    EMILUA_ASIO_SSL_STREAM_UNSPECIFIED_SYSTEM_ERROR,
    EMILUA_ASIO_SSL_STREAM_UNEXPECTED_RESULT,
};

/* The SSL_CTX of the tls.context at idx, or NULL when it is something
 * else. */
SSL_CTX *emilua_tls_test_context(lua_State *L, int idx);
/* The same, or raises an argument error. */
SSL_CTX *emilua_tls_check_context(lua_State *L, int argn);
/* The VM's default context, created on first use (method "tls", the
 * system's CA paths, verify mode "peer").  Borrowed: it lives as long as
 * the VM.  Raises when it cannot be created. */
SSL_CTX *emilua_tls_default_context(lua_State *L);

/* The SSL_VERIFY_* value of a verify mode name ("none", "peer",
 * "fail_if_no_peer_cert", "client_once"), or -1. */
int emilua_tls_verify_mode(const char *name);

/* Pushes the error table for an OpenSSL error code (ERR_get_error()). */
void emilua_push_ssl_error(lua_State *L, unsigned long err);
/* Raises the oldest error of OpenSSL's queue and clears the queue. */
int emilua_raise_ssl_error(lua_State *L);

#endif
