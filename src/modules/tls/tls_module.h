/* Shared between the files of the tls module. */
#ifndef EMILUA_TLS_MODULE_H
#define EMILUA_TLS_MODULE_H

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
/* Remembers this_fiber.forbid_suspend/allow_suspend of this VM, for the
 * password callback.  Called when the module opens. */
void tls_save_suspend_guards(lua_State *L);

#endif
