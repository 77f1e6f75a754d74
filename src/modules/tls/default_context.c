/* The context a tls.socket uses when it is given none: one per VM,
 * created on first use and kept in the registry, so it goes with the
 * VM's Lua state. */
#include <openssl/err.h>

#include "tls_module.h"

static char default_context_key;

SSL_CTX *emilua_tls_default_context(lua_State *L)
{
    lua_pushlightuserdata(L, &default_context_key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    SSL_CTX *ctx = emilua_tls_test_context(L, -1);
    lua_pop(L, 1);
    if (ctx)
        return ctx;

    struct tls_context *c = tls_context_push(L, "tls");
    ERR_clear_error();
    if (!SSL_CTX_set_default_verify_paths(c->ctx))
        emilua_raise_ssl_error(L);
    SSL_CTX_set_verify(c->ctx, SSL_VERIFY_PEER, NULL);
    lua_pushlightuserdata(L, &default_context_key);
    lua_insert(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
    return c->ctx;
}
