/* The error categories behind require 'asio_error' that are not plain
 * errno values (asio_error.basic.* are system-category errors on Linux).
 * Modules raise these, e.g. misc.eof at the end of a stream:
 *
 *     emilua_raise_error(L, &emilua_asio_misc_category, EMILUA_ASIO_MISC_EOF);
 */
#ifndef EMILUA_ASIO_ERROR_H
#define EMILUA_ASIO_ERROR_H

#include <emilua/api.h>

/* Category "asio.netdb": the h_errno values of <netdb.h>. */
enum emilua_asio_netdb {
    EMILUA_ASIO_NETDB_HOST_NOT_FOUND = 1,
    EMILUA_ASIO_NETDB_HOST_NOT_FOUND_TRY_AGAIN = 2,
    EMILUA_ASIO_NETDB_NO_RECOVERY = 3,
    EMILUA_ASIO_NETDB_NO_DATA = 4,
};

/* Category "asio.addrinfo": the EAI_* values of getaddrinfo(). */
enum emilua_asio_addrinfo {
    EMILUA_ASIO_ADDRINFO_SOCKET_TYPE_NOT_SUPPORTED = -7, /* EAI_SOCKTYPE */
    EMILUA_ASIO_ADDRINFO_SERVICE_NOT_FOUND = -8,         /* EAI_SERVICE */
};

/* Category "asio.misc". */
enum emilua_asio_misc {
    EMILUA_ASIO_MISC_ALREADY_OPEN = 1,
    EMILUA_ASIO_MISC_EOF,
    EMILUA_ASIO_MISC_NOT_FOUND,
    EMILUA_ASIO_MISC_FD_SET_FAILURE,
};

extern const emilua_error_category emilua_asio_netdb_category;
extern const emilua_error_category emilua_asio_addrinfo_category;
extern const emilua_error_category emilua_asio_misc_category;

#endif
