/* Shared between the files of the tls module. */
#ifndef EMILUA_TLS_MODULE_H
#define EMILUA_TLS_MODULE_H

#include <stdbool.h>

#include <openssl/x509v3.h>

#include <emilua/tls.h>

struct tls_context {
    SSL_CTX *ctx;               /* NULL once collected */
    int password_ref;           /* the password callback, or LUA_NOREF */
    lua_State *caller;          /* the Lua thread of a setter running now */
    int error_slot;             /* where a failed callback left its error */
    bool callback_failed;
};

extern const emilua_udata_type tls_context_type;

/* Pushes a new tls.context for the method name ("tls", "tls12_client",
 * ...); returns NULL for an unknown or unavailable method (nothing
 * pushed) and raises when OpenSSL fails. */
struct tls_context *tls_context_push(lua_State *L, const char *method);
/* Push the tls.context table of constructors. */
void tls_open_context(lua_State *L);
/* Makes param check the peer certificate against host, a DNS name or an
 * IP address literal (NUL-terminated, len bytes); false when OpenSSL
 * fails (its error queue says why). */
bool tls_param_set_host(X509_VERIFY_PARAM *param, const char *host,
                        size_t len);
/* True for an IPv4 or IPv6 address literal (never sent as SNI). */
bool tls_is_ip_literal(const char *host);

/* Pushes a new closed tls.socket with its own SSL for ctx (raises on
 * failure), then attach() makes it own fd (connected, nonblocking,
 * close-on-exec): 0, or a negative status and fd is left alone. */
void *tls_socket_push(lua_State *L, SSL_CTX *ctx);
int tls_socket_attach(void *socket, int fd);
/* Pushes the tls.socket table of constructors. */
void tls_open_socket(lua_State *L);
/* Pushes tls.dial, built over tls.socket.new found on top of the stack. */
void tls_open_dial(lua_State *L);

/* Remembers this_fiber.forbid_suspend/allow_suspend of this VM, for the
 * password callback.  Called when the module opens. */
void tls_save_suspend_guards(lua_State *L);

#endif
