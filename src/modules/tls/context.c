/* tls.context: an SSL_CTX and its setters, each one OpenSSL call.
 *
 * The password callback is Lua code that OpenSSL calls back while a
 * setter loads an encrypted key, so it runs on the setter's own Lua
 * thread, with suspension forbidden (OpenSSL is on the C stack below
 * it).  An error it raises is raised again by the setter. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <emilua/byte_span.h>

#include "tls_module.h"

/* ---- construction --------------------------------------------------------- */

static const struct {
    const char *name;
    const SSL_METHOD *(*method)(void);
    int version;                /* min = max; 0: none; -1: TLS 1.0 and up */
} methods[] = {
    {"tls1", TLS_method, TLS1_VERSION},
    {"tls1_client", TLS_client_method, TLS1_VERSION},
    {"tls1_server", TLS_server_method, TLS1_VERSION},
    {"tls11", TLS_method, TLS1_1_VERSION},
    {"tls11_client", TLS_client_method, TLS1_1_VERSION},
    {"tls11_server", TLS_server_method, TLS1_1_VERSION},
    {"tls12", TLS_method, TLS1_2_VERSION},
    {"tls12_client", TLS_client_method, TLS1_2_VERSION},
    {"tls12_server", TLS_server_method, TLS1_2_VERSION},
    {"tls13", TLS_method, TLS1_3_VERSION},
    {"tls13_client", TLS_client_method, TLS1_3_VERSION},
    {"tls13_server", TLS_server_method, TLS1_3_VERSION},
    {"ssl23", TLS_method, 0},
    {"ssl23_client", TLS_client_method, 0},
    {"ssl23_server", TLS_server_method, 0},
    {"tls", TLS_method, -1},
    {"tls_client", TLS_client_method, -1},
    {"tls_server", TLS_server_method, -1},
    /* ssl2* and ssl3*: OpenSSL 3 has no such methods. */
};

static int password_cb(char *buf, int size, int rwflag, void *userdata);

struct tls_context *tls_context_push(lua_State *L, const char *name)
{
    size_t i = 0, n = sizeof methods / sizeof methods[0];
    while (i < n && strcmp(name, methods[i].name) != 0)
        i++;
    if (i == n)
        return NULL;
    struct tls_context *c = emilua_new_udata(L, &tls_context_type,
                                             sizeof *c);
    *c = (struct tls_context){.password_ref = LUA_NOREF};
    c->ctx = SSL_CTX_new(methods[i].method());
    if (!c->ctx)
        emilua_raise_ssl_error(L);
    int v = methods[i].version;
    if (v == -1) {
        SSL_CTX_set_min_proto_version(c->ctx, TLS1_VERSION);
    } else if (v) {
        SSL_CTX_set_min_proto_version(c->ctx, v);
        SSL_CTX_set_max_proto_version(c->ctx, v);
    }
    SSL_CTX_set_default_passwd_cb(c->ctx, password_cb);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, c);
    return c;
}

static int context_new(lua_State *L)
{
    const char *name = emilua_check_string(L, 1, NULL, "method");
    if (!tls_context_push(L, name))
        return emilua_raise_einval_arg(L, 1);
    return 1;
}

static int context_gc(lua_State *L)
{
    struct tls_context *c = lua_touserdata(L, 1);
    if (!c->ctx)
        return 0;
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, NULL);
    SSL_CTX_free(c->ctx);
    c->ctx = NULL;
    luaL_unref(L, LUA_REGISTRYINDEX, c->password_ref);
    c->password_ref = LUA_NOREF;
    return 0;
}

/* ---- helpers --------------------------------------------------------------- */

static struct tls_context *check_self(lua_State *L)
{
    struct tls_context *c = emilua_check_udata(L, 1, &tls_context_type);
    return c;
}

SSL_CTX *emilua_tls_test_context(lua_State *L, int idx)
{
    struct tls_context *c = emilua_test_udata(L, idx, &tls_context_type);
    return c ? c->ctx : NULL;
}

SSL_CTX *emilua_tls_check_context(lua_State *L, int argn)
{
    struct tls_context *c = emilua_check_udata(L, argn, &tls_context_type);
    return c->ctx;
}

/* A filesystem.path or a string. */
static const char *check_path(lua_State *L, int argn, const char *name)
{
    if (lua_type(L, argn) == LUA_TUSERDATA && lua_getmetatable(L, argn)) {
        lua_getfield(L, -1, "__metatable");
        bool is_path = lua_type(L, -1) == LUA_TSTRING &&
                       strcmp(lua_tostring(L, -1), "filesystem.path") == 0;
        lua_pop(L, 2);
        if (is_path && luaL_callmeta(L, argn, "__tostring") &&
            lua_type(L, -1) == LUA_TSTRING) {
            lua_replace(L, argn);
        }
    }
    size_t len;
    const char *path = emilua_check_string(L, argn, &len, name);
    if (strlen(path) != len)
        emilua_raise_einval_arg(L, argn);
    return path;
}

static int check_format(lua_State *L, int argn)
{
    const char *fmt = emilua_check_string(L, argn, NULL, "fmt");
    if (strcmp(fmt, "pem") == 0)
        return SSL_FILETYPE_PEM;
    if (strcmp(fmt, "asn1") == 0)
        return SSL_FILETYPE_ASN1;
    return emilua_raise_einval_arg(L, argn);
}

/* A read-only memory BIO over a byte_span. */
static BIO *check_buffer_bio(lua_State *L, int argn)
{
    emilua_byte_span *s = emilua_check_byte_span(L, argn);
    if (s->size > INT_MAX)
        emilua_raise_einval_arg(L, argn);
    BIO *bio = BIO_new_mem_buf(s->size ? (const void *)emilua_byte_span_data(s)
                                       : "",
                               (int)s->size);
    if (!bio)
        emilua_raise_ssl_error(L);
    return bio;
}

/* ---- the password callback ------------------------------------------------ */

static void call_guard(lua_State *L, const void *key)
{
    lua_pushlightuserdata(L, (void *)key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (lua_pcall(L, 0, 0, 0))
        lua_pop(L, 1);
}

static char forbid_key, allow_key;

void tls_save_suspend_guards(lua_State *L)
{
    static const struct {
        const char *name;
        const void *key;
    } guards[] = {{"forbid_suspend", &forbid_key},
                  {"allow_suspend", &allow_key}};
    lua_getglobal(L, "this_fiber");
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    for (int i = 0; i < 2; i++) {
        lua_pushlightuserdata(L, (void *)guards[i].key);
        lua_getfield(L, -2, guards[i].name);
        lua_rawset(L, LUA_REGISTRYINDEX);
    }
    lua_pop(L, 1);
}

static int password_cb(char *buf, int size, int rwflag, void *userdata)
{
    struct tls_context *c = userdata;
    if (!c || !c->caller || c->password_ref == LUA_NOREF)
        return 0;
    lua_State *L = c->caller;
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->password_ref);
    lua_pushinteger(L, size);
    lua_pushstring(L, rwflag ? "for_writing" : "for_reading");
    call_guard(L, &forbid_key);
    int status = lua_pcall(L, 2, 1, 0);
    call_guard(L, &allow_key);
    if (status == 0 && lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 1);
        emilua_push_error(L, &emilua_generic_category, EINVAL);
        status = 1;
    }
    if (status) {
        lua_replace(L, c->error_slot);
        c->callback_failed = true;
        return -1;
    }
    size_t len;
    const char *pw = lua_tolstring(L, -1, &len);
    if (len > (size_t)size)
        len = (size_t)size;
    memcpy(buf, pw, len);
    lua_pop(L, 1);
    return (int)len;
}

/* self of a setter that may ask for a password.  A password callback
 * loading into its own context would reuse the error slot of the outer
 * call: that raises EBUSY instead, before anything is allocated. */
static struct tls_context *check_loader(lua_State *L)
{
    struct tls_context *c = check_self(L);
    if (c->caller)
        emilua_raise_error(L, &emilua_generic_category, EBUSY);
    return c;
}

/* Brackets an OpenSSL call that may ask for a password. */
static void begin_load(lua_State *L, struct tls_context *c)
{
    lua_pushnil(L);
    c->error_slot = lua_gettop(L);
    c->caller = L;
    c->callback_failed = false;
    ERR_clear_error();
}

/* ok is the OpenSSL call's success.  Raises the callback's error first. */
static int end_load(lua_State *L, struct tls_context *c, bool ok)
{
    c->caller = NULL;
    if (c->callback_failed) {
        ERR_clear_error();
        lua_pushvalue(L, c->error_slot);
        return lua_error(L);
    }
    if (!ok)
        return emilua_raise_ssl_error(L);
    return 0;
}

static int context_set_password_callback(lua_State *L)
{
    struct tls_context *c = check_self(L);
    emilua_check_type(L, 2, LUA_TFUNCTION, "callback");
    luaL_unref(L, LUA_REGISTRYINDEX, c->password_ref);
    lua_pushvalue(L, 2);
    c->password_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* ---- verification ------------------------------------------------------- */

static int context_add_certificate_authority(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    BIO *bio = check_buffer_bio(L, 2);
    X509_STORE *store = SSL_CTX_get_cert_store(c->ctx);
    begin_load(L, c);
    int added = 0;
    X509 *cert;
    while ((cert = PEM_read_bio_X509(bio, NULL, NULL, NULL))) {
        int ok = X509_STORE_add_cert(store, cert);
        X509_free(cert);
        if (!ok) {
            added = -1;
            break;
        }
        added++;
    }
    BIO_free(bio);
    /* The end of the buffer shows as "no start line": not an error once
     * some certificate was read. */
    if (added > 0)
        ERR_clear_error();
    return end_load(L, c, added > 0);
}

static int context_add_verify_path(lua_State *L)
{
    struct tls_context *c = check_self(L);
    const char *path = check_path(L, 2, "path");
    ERR_clear_error();
    if (!SSL_CTX_load_verify_dir(c->ctx, path))
        return emilua_raise_ssl_error(L);
    return 0;
}

static int context_load_verify_file(lua_State *L)
{
    struct tls_context *c = check_self(L);
    const char *path = check_path(L, 2, "filename");
    ERR_clear_error();
    if (!SSL_CTX_load_verify_file(c->ctx, path))
        return emilua_raise_ssl_error(L);
    return 0;
}

static int context_set_default_verify_paths(lua_State *L)
{
    struct tls_context *c = check_self(L);
    ERR_clear_error();
    if (!SSL_CTX_set_default_verify_paths(c->ctx))
        return emilua_raise_ssl_error(L);
    return 0;
}

static int context_set_verify_depth(lua_State *L)
{
    struct tls_context *c = check_self(L);
    lua_Integer depth = emilua_check_integer(L, 2, "depth");
    if (depth < 0 || depth > INT_MAX)
        return emilua_raise_einval_arg(L, 2);
    SSL_CTX_set_verify_depth(c->ctx, (int)depth);
    return 0;
}

static const struct {
    const char *name;
    int mode;
} verify_modes[] = {
    {"none", SSL_VERIFY_NONE},
    {"peer", SSL_VERIFY_PEER},
    {"fail_if_no_peer_cert", SSL_VERIFY_FAIL_IF_NO_PEER_CERT},
    {"client_once", SSL_VERIFY_CLIENT_ONCE},
};

int emilua_tls_verify_mode(const char *name)
{
    for (size_t i = 0; i < sizeof verify_modes / sizeof verify_modes[0]; i++)
        if (strcmp(name, verify_modes[i].name) == 0)
            return verify_modes[i].mode;
    return -1;
}

static int context_set_verify_mode(lua_State *L)
{
    struct tls_context *c = check_self(L);
    int mode = emilua_tls_verify_mode(emilua_check_string(L, 2, NULL, "mode"));
    if (mode < 0)
        return emilua_raise_einval_arg(L, 2);
    SSL_CTX_set_verify(c->ctx, mode, SSL_CTX_get_verify_callback(c->ctx));
    return 0;
}

/* The one callback of the reference checks the peer certificate's names
 * (or IP address) against the one given; OpenSSL does that itself when
 * the context's verification parameters name a host. */
static int context_set_verify_callback(lua_State *L)
{
    struct tls_context *c = check_self(L);
    const char *cb = emilua_check_string(L, 2, NULL, "callback");
    if (strcmp(cb, "host_name_verification") != 0)
        return emilua_raise_einval_arg(L, 2);
    size_t len;
    const char *host = emilua_check_string(L, 3, &len, "host_name");
    if (len == 0 || strlen(host) != len)
        return emilua_raise_einval_arg(L, 3);
    ERR_clear_error();
    if (!tls_param_set_host(SSL_CTX_get0_param(c->ctx), host, len))
        return emilua_raise_ssl_error(L);
    return 0;
}

bool tls_is_ip_literal(const char *host)
{
    unsigned char ip[16];
    return inet_pton(AF_INET, host, ip) == 1 ||
           inet_pton(AF_INET6, host, ip) == 1;
}

bool tls_param_set_host(X509_VERIFY_PARAM *param, const char *host,
                        size_t len)
{
    if (tls_is_ip_literal(host))
        return X509_VERIFY_PARAM_set1_host(param, NULL, 0) &&
               X509_VERIFY_PARAM_set1_ip_asc(param, host);
    return X509_VERIFY_PARAM_set1_ip(param, NULL, 0) &&
           X509_VERIFY_PARAM_set1_host(param, host, len);
}

/* ---- options -------------------------------------------------------------- */

static const struct {
    const char *name;
    uint64_t flag;
} option_flags[] = {
    {"default_workarounds", SSL_OP_ALL},
    {"no_compression", SSL_OP_NO_COMPRESSION},
    {"no_sslv2", 0},            /* no SSLv2 in OpenSSL 3 at all */
    {"no_sslv3", SSL_OP_NO_SSLv3},
    {"no_tlsv1", SSL_OP_NO_TLSv1},
    {"no_tlsv1_1", SSL_OP_NO_TLSv1_1},
    {"no_tlsv1_2", SSL_OP_NO_TLSv1_2},
    {"no_tlsv1_3", SSL_OP_NO_TLSv1_3},
    {"single_dh_use", SSL_OP_SINGLE_DH_USE},
};

static uint64_t check_options(lua_State *L, int argn)
{
    emilua_check_type(L, argn, LUA_TTABLE, "flags");
    uint64_t flags = 0;
    size_t n = lua_objlen(L, argn);
    size_t nflags = sizeof option_flags / sizeof option_flags[0];
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, argn, (int)i);
        const char *name = lua_type(L, -1) == LUA_TSTRING
                               ? lua_tostring(L, -1) : NULL;
        size_t k = 0;
        while (name && k < nflags && strcmp(name, option_flags[k].name))
            k++;
        if (!name || k == nflags)
            emilua_raise_einval_arg(L, argn);
        flags |= option_flags[k].flag;
        lua_pop(L, 1);
    }
    return flags;
}

static int context_set_options(lua_State *L)
{
    struct tls_context *c = check_self(L);
    SSL_CTX_set_options(c->ctx, check_options(L, 2));
    return 0;
}

static int context_clear_options(lua_State *L)
{
    struct tls_context *c = check_self(L);
    SSL_CTX_clear_options(c->ctx, check_options(L, 2));
    return 0;
}

/* ---- own certificate and key ------------------------------------------- */

static int context_use_certificate(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    int fmt = check_format(L, 3);
    BIO *bio = check_buffer_bio(L, 2);
    begin_load(L, c);
    X509 *cert = fmt == SSL_FILETYPE_PEM
                     ? PEM_read_bio_X509(bio, NULL, password_cb, c)
                     : d2i_X509_bio(bio, NULL);
    BIO_free(bio);
    bool ok = cert && SSL_CTX_use_certificate(c->ctx, cert);
    X509_free(cert);
    return end_load(L, c, ok);
}

static int context_use_certificate_file(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    const char *path = check_path(L, 2, "filename");
    int fmt = check_format(L, 3);
    begin_load(L, c);
    return end_load(L, c, SSL_CTX_use_certificate_file(c->ctx, path, fmt));
}

/* The first certificate is ours, the rest its chain, as
 * SSL_CTX_use_certificate_chain_file() reads a file. */
static int context_use_certificate_chain(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    BIO *bio = check_buffer_bio(L, 2);
    begin_load(L, c);
    X509 *cert = PEM_read_bio_X509_AUX(bio, NULL, password_cb, c);
    bool ok = cert && SSL_CTX_use_certificate(c->ctx, cert) &&
              SSL_CTX_clear_chain_certs(c->ctx);
    X509_free(cert);
    X509 *ca;
    while (ok && (ca = PEM_read_bio_X509(bio, NULL, password_cb, c))) {
        if (!SSL_CTX_add0_chain_cert(c->ctx, ca)) {
            X509_free(ca);
            ok = false;
        }
    }
    BIO_free(bio);
    if (ok && !c->callback_failed) {
        unsigned long err = ERR_peek_last_error();
        if (ERR_GET_LIB(err) == ERR_LIB_PEM &&
            ERR_GET_REASON(err) == PEM_R_NO_START_LINE)
            ERR_clear_error();
        else if (err)
            ok = false;
    }
    return end_load(L, c, ok);
}

static int context_use_certificate_chain_file(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    const char *path = check_path(L, 2, "filename");
    begin_load(L, c);
    return end_load(L, c, SSL_CTX_use_certificate_chain_file(c->ctx, path));
}

static EVP_PKEY *read_key(BIO *bio, int fmt, struct tls_context *c)
{
    if (fmt == SSL_FILETYPE_PEM)
        return PEM_read_bio_PrivateKey(bio, NULL, password_cb, c);
    return d2i_PrivateKey_bio(bio, NULL);
}

/* rsa_only: the use_rsa_* variants accept nothing but an RSA key. */
static int use_key_bio(lua_State *L, struct tls_context *c, BIO *bio,
                       int fmt, bool rsa_only)
{
    begin_load(L, c);
    EVP_PKEY *key = bio ? read_key(bio, fmt, c) : NULL;
    BIO_free(bio);
    bool ok = key && (!rsa_only || EVP_PKEY_is_a(key, "RSA")) &&
              SSL_CTX_use_PrivateKey(c->ctx, key);
    if (key && !ok && ERR_peek_error() == 0) {
        EVP_PKEY_free(key);
        c->caller = NULL;
        return emilua_raise_einval_arg(L, 2);
    }
    EVP_PKEY_free(key);
    return end_load(L, c, ok);
}

static int context_use_private_key(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    int fmt = check_format(L, 3);
    return use_key_bio(L, c, check_buffer_bio(L, 2), fmt, false);
}

static int context_use_rsa_private_key(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    int fmt = check_format(L, 3);
    return use_key_bio(L, c, check_buffer_bio(L, 2), fmt, true);
}

static int context_use_private_key_file(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    const char *path = check_path(L, 2, "filename");
    int fmt = check_format(L, 3);
    begin_load(L, c);
    return end_load(L, c, SSL_CTX_use_PrivateKey_file(c->ctx, path, fmt));
}

static int context_use_rsa_private_key_file(lua_State *L)
{
    struct tls_context *c = check_loader(L);
    const char *path = check_path(L, 2, "filename");
    int fmt = check_format(L, 3);
    ERR_clear_error();
    BIO *bio = BIO_new_file(path, fmt == SSL_FILETYPE_PEM ? "r" : "rb");
    if (!bio)
        return emilua_raise_ssl_error(L);
    return use_key_bio(L, c, bio, fmt, true);
}

static int use_tmp_dh_bio(lua_State *L, struct tls_context *c, BIO *bio)
{
    ERR_clear_error();
    EVP_PKEY *dh = PEM_read_bio_Parameters(bio, NULL);
    BIO_free(bio);
    if (!dh || !SSL_CTX_set0_tmp_dh_pkey(c->ctx, dh)) {
        EVP_PKEY_free(dh);
        return emilua_raise_ssl_error(L);
    }
    return 0;
}

static int context_use_tmp_dh(lua_State *L)
{
    struct tls_context *c = check_self(L);
    return use_tmp_dh_bio(L, c, check_buffer_bio(L, 2));
}

static int context_use_tmp_dh_file(lua_State *L)
{
    struct tls_context *c = check_self(L);
    const char *path = check_path(L, 2, "filename");
    ERR_clear_error();
    BIO *bio = BIO_new_file(path, "r");
    if (!bio)
        return emilua_raise_ssl_error(L);
    return use_tmp_dh_bio(L, c, bio);
}

/* ---- registration ------------------------------------------------------ */

static const emilua_reg context_methods[] = {
    {"add_certificate_authority", context_add_certificate_authority, 0},
    {"add_verify_path", context_add_verify_path, 0},
    {"clear_options", context_clear_options, 0},
    {"load_verify_file", context_load_verify_file, 0},
    {"set_default_verify_paths", context_set_default_verify_paths, 0},
    {"set_options", context_set_options, 0},
    {"set_password_callback", context_set_password_callback, 0},
    {"set_verify_callback", context_set_verify_callback, 0},
    {"set_verify_depth", context_set_verify_depth, 0},
    {"set_verify_mode", context_set_verify_mode, 0},
    {"use_certificate", context_use_certificate, 0},
    {"use_certificate_chain", context_use_certificate_chain, 0},
    {"use_certificate_chain_file", context_use_certificate_chain_file, 0},
    {"use_certificate_file", context_use_certificate_file, 0},
    {"use_private_key", context_use_private_key, 0},
    {"use_private_key_file", context_use_private_key_file, 0},
    {"use_rsa_private_key", context_use_rsa_private_key, 0},
    {"use_rsa_private_key_file", context_use_rsa_private_key_file, 0},
    {"use_tmp_dh", context_use_tmp_dh, 0},
    {"use_tmp_dh_file", context_use_tmp_dh_file, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg context_metamethods[] = {
    {"__gc", context_gc},
    {NULL, NULL},
};

const emilua_udata_type tls_context_type = {
    .name = "tls.context",
    .methods = context_methods,
    .metamethods = context_metamethods,
};

static const emilua_reg context_funcs[] = {
    {"new", context_new, 0},
    {NULL, NULL, 0},
};

void tls_open_context(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "tls.context", context_funcs);
}
