/* tls.context configured from Lua, then tried in a real handshake over
 * an in-memory BIO pair: trust, verify modes, host-name verification and
 * protocol versions must reach OpenSSL, not only be accepted.  The
 * certificates come from tests/tls/mkcerts.sh (argv[1] is the tests
 * source directory). */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>

#include <emilua/tls.h>

#include "check.h"
#include "vm_fixture.h"

int emilua_open_tls(lua_State *L);

static char dir[] = "/tmp/emilua-tls-XXXXXX";

/* Runs chunk (with `dir` and `tls` defined) and returns the contexts it
 * returns: client, server. */
static void contexts(lua_State *L, const char *chunk, SSL_CTX **client,
                     SSL_CTX **server)
{
    lua_settop(L, 0);
    if (luaL_loadstring(L, chunk) != 0 || lua_pcall(L, 0, 2, 0) != 0) {
        fprintf(stderr, "lua: %s\n", lua_tostring(L, -1));
        abort();
    }
    *client = emilua_tls_test_context(L, 1);
    *server = emilua_tls_test_context(L, 2);
    if (!*client || !*server)
        abort();
}

/* 0 when both sides finish the handshake, else the client's verify
 * result (or -1 when verification passed but the handshake failed). */
static long handshake(SSL_CTX *cctx, SSL_CTX *sctx)
{
    SSL *c = SSL_new(cctx), *s = SSL_new(sctx);
    BIO *bc, *bs;
    BIO_new_bio_pair(&bc, 0, &bs, 0);
    SSL_set_bio(c, bc, bc);
    SSL_set_bio(s, bs, bs);
    SSL_set_connect_state(c);
    SSL_set_accept_state(s);
    int rc = 0, rs = 0;
    for (int i = 0; i < 20 && (rc != 1 || rs != 1); i++) {
        if (rc != 1) {
            rc = SSL_do_handshake(c);
            if (rc != 1 && SSL_get_error(c, rc) != SSL_ERROR_WANT_READ)
                break;
        }
        if (rs != 1) {
            rs = SSL_do_handshake(s);
            if (rs != 1 && SSL_get_error(s, rs) != SSL_ERROR_WANT_READ)
                break;
        }
    }
    long result = rc == 1 && rs == 1 ? 0 : SSL_get_verify_result(c);
    if (result == X509_V_OK && !(rc == 1 && rs == 1))
        result = -1;
    SSL_free(c);
    SSL_free(s);
    ERR_clear_error();
    return result;
}

#define SERVER                                                               \
    "local s = tls.context.new('tls_server')\n"                             \
    "s:use_certificate_chain_file(dir .. '/chain.pem')\n"                   \
    "s:use_private_key_file(dir .. '/server.key', 'pem')\n"

static long try(lua_State *L, const char *client_setup)
{
    char chunk[2048];
    snprintf(chunk, sizeof chunk,
             SERVER "local c = tls.context.new('tls_client')\n%s\n"
                    "return c, s\n",
             client_setup);
    SSL_CTX *c, *s;
    contexts(L, chunk, &c, &s);
    return handshake(c, s);
}

int main(int argc, char **argv)
{
    if (argc != 2 || !mkdtemp(dir))
        return 2;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sh '%s/tls/mkcerts.sh' '%s'", argv[1], dir);
    if (system(cmd) != 0)
        return 2;

    struct vm_fixture fx;
    vm_fixture_open(&fx);
    lua_State *L = fx.vm->L;
    lua_pushstring(L, dir);
    lua_setglobal(L, "dir");
    char path[600], pem[4096];
    snprintf(path, sizeof path, "%s/ca.pem", dir);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(pem, 1, sizeof pem, f) : 0;
    if (f)
        fclose(f);
    lua_pushlstring(L, pem, n);
    lua_setglobal(L, "ca_pem");
    emilua_open_tls(L);
    lua_setglobal(L, "tls");

    const char *peer = "c:set_verify_mode('peer')\n";
    char buf[512];
#define WITH(extra) (snprintf(buf, sizeof buf, "%s%s", peer, extra), buf)

    /* trusted CA, from a file, a directory and memory */
    CHECK(try(L, WITH("c:load_verify_file(dir .. '/ca.pem')")) == 0);
    CHECK(try(L, WITH("c:add_verify_path(dir .. '/certs')")) == 0);
    CHECK(try(L, WITH("c:add_certificate_authority("
                      "byte_span.append(ca_pem))")) == 0);
    /* no trust: the server's chain ends in a root nobody trusts */
    CHECK(try(L, peer) == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN);
    /* no verification: anything goes */
    CHECK(try(L, "c:set_verify_mode('none')") == 0);
    /* host names: DNS and IP entries of the certificate */
    CHECK(try(L, WITH("c:load_verify_file(dir .. '/ca.pem')\n"
                      "c:set_verify_callback('host_name_verification', "
                      "'localhost')")) == 0);
    CHECK(try(L, WITH("c:load_verify_file(dir .. '/ca.pem')\n"
                      "c:set_verify_callback('host_name_verification', "
                      "'127.0.0.1')")) == 0);
    CHECK(try(L, WITH("c:load_verify_file(dir .. '/ca.pem')\n"
                      "c:set_verify_callback('host_name_verification', "
                      "'example.com')")) == X509_V_ERR_HOSTNAME_MISMATCH);
    CHECK(try(L, WITH("c:load_verify_file(dir .. '/ca.pem')\n"
                      "c:set_verify_callback('host_name_verification', "
                      "'127.0.0.2')")) == X509_V_ERR_IP_ADDRESS_MISMATCH);
    /* options reach the protocol: a client without TLS 1.2 and 1.3 */
    CHECK(try(L, "c:set_options{'no_tlsv1_2', 'no_tlsv1_3'}") == -1);

    /* the default context verifies against the system's CAs, which do
     * not include the throwaway one */
    {
        SSL_CTX *c, *s;
        contexts(L, SERVER "return s, s", &c, &s);
        CHECK(handshake(emilua_tls_default_context(L), s) ==
              X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN);
    }
    vm_fixture_close(&fx);

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    return check_failures != 0;
}
