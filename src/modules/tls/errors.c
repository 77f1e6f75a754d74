/* The "asio.ssl" error category (OpenSSL's packed error codes) and
 * "asio.ssl.stream" (the stream's own conditions). */
#include <errno.h>
#include <openssl/err.h>

#include "tls_module.h"

static const char *ssl_message(int code, char *buf, size_t len)
{
    const char *reason = ERR_reason_error_string((unsigned long)code);
    if (reason)
        return reason;
    ERR_error_string_n((unsigned long)code, buf, len);
    return buf;
}

static int ssl_to_generic(int code)
{
    return 0;
}

const emilua_error_category emilua_asio_ssl_category = {
    .name = "asio.ssl",
    .message = ssl_message,
    .to_generic = ssl_to_generic,
};

static const char *stream_message(int code, char *buf, size_t len)
{
    switch (code) {
    case EMILUA_ASIO_SSL_STREAM_TRUNCATED:
        return "stream truncated";
    case EMILUA_ASIO_SSL_STREAM_UNSPECIFIED_SYSTEM_ERROR:
        return "unspecified system error";
    case EMILUA_ASIO_SSL_STREAM_UNEXPECTED_RESULT:
        return "unexpected result";
    }
    return "asio.ssl.stream error";
}

const emilua_error_category emilua_asio_ssl_stream_category = {
    .name = "asio.ssl.stream",
    .message = stream_message,
    .to_generic = ssl_to_generic,
};

void emilua_push_ssl_error(lua_State *L, unsigned long err)
{
    if (ERR_SYSTEM_ERROR(err))
        emilua_push_errno(L, ERR_GET_REASON(err));
    else if (err == 0)
        emilua_push_errno(L, EIO);      /* failed without saying why */
    else
        emilua_push_error(L, &emilua_asio_ssl_category, (int)err);
}

int emilua_raise_ssl_error(lua_State *L)
{
    unsigned long err = ERR_get_error();
    ERR_clear_error();
    emilua_push_ssl_error(L, err);
    return lua_error(L);
}
