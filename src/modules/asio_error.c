/* require 'asio_error': asio_error.GROUP.NAME gives a new error table on
 * every access.  On Linux the basic.* errors are system-category errno
 * values, so they compare equal to what IO functions raise; the netdb,
 * addrinfo and misc groups have categories of their own. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>

#include <emilua/api.h>
#include <emilua/asio_error.h>

_Static_assert(EMILUA_ASIO_ADDRINFO_SOCKET_TYPE_NOT_SUPPORTED == EAI_SOCKTYPE,
               "EAI_SOCKTYPE");
_Static_assert(EMILUA_ASIO_ADDRINFO_SERVICE_NOT_FOUND == EAI_SERVICE,
               "EAI_SERVICE");
_Static_assert(EMILUA_ASIO_NETDB_HOST_NOT_FOUND == HOST_NOT_FOUND,
               "HOST_NOT_FOUND");
_Static_assert(EMILUA_ASIO_NETDB_HOST_NOT_FOUND_TRY_AGAIN == TRY_AGAIN,
               "TRY_AGAIN");
_Static_assert(EMILUA_ASIO_NETDB_NO_RECOVERY == NO_RECOVERY, "NO_RECOVERY");
_Static_assert(EMILUA_ASIO_NETDB_NO_DATA == NO_DATA, "NO_DATA");

static const char *unknown(const char *cat, int code, char *buf, size_t len)
{
    snprintf(buf, len, "Unknown %s error %d", cat, code);
    return buf;
}

static const char *netdb_message(int code, char *buf, size_t len)
{
    switch (code) {
    case EMILUA_ASIO_NETDB_HOST_NOT_FOUND:
        return "Host not found (authoritative answer)";
    case EMILUA_ASIO_NETDB_HOST_NOT_FOUND_TRY_AGAIN:
        return "Host not found (non-authoritative answer), try again later";
    case EMILUA_ASIO_NETDB_NO_RECOVERY:
        return "A non-recoverable error happened during the lookup";
    case EMILUA_ASIO_NETDB_NO_DATA:
        return "The name is valid but has no data of the requested type";
    }
    return unknown("asio.netdb", code, buf, len);
}

static const char *addrinfo_message(int code, char *buf, size_t len)
{
    switch (code) {
    case EMILUA_ASIO_ADDRINFO_SERVICE_NOT_FOUND:
        return "Service not found for the given socket type";
    case EMILUA_ASIO_ADDRINFO_SOCKET_TYPE_NOT_SUPPORTED:
        return "Socket type not supported";
    }
    return unknown("asio.addrinfo", code, buf, len);
}

static const char *misc_message(int code, char *buf, size_t len)
{
    switch (code) {
    case EMILUA_ASIO_MISC_ALREADY_OPEN: return "Already open";
    case EMILUA_ASIO_MISC_EOF: return "End of file";
    case EMILUA_ASIO_MISC_NOT_FOUND: return "Element not found";
    case EMILUA_ASIO_MISC_FD_SET_FAILURE:
        return "The descriptor does not fit into the select call's fd_set";
    }
    return unknown("asio.misc", code, buf, len);
}

/* None of these has a POSIX condition to map to. */
const emilua_error_category emilua_asio_netdb_category = {
    "asio.netdb", netdb_message, NULL,
};
const emilua_error_category emilua_asio_addrinfo_category = {
    "asio.addrinfo", addrinfo_message, NULL,
};
const emilua_error_category emilua_asio_misc_category = {
    "asio.misc", misc_message, NULL,
};

struct name_code { const char *name; int code; };

static const struct name_code basic_names[] = {
    {"access_denied", EACCES},
    {"address_family_not_supported", EAFNOSUPPORT},
    {"address_in_use", EADDRINUSE},
    {"already_connected", EISCONN},
    {"already_started", EALREADY},
    {"broken_pipe", EPIPE},
    {"connection_aborted", ECONNABORTED},
    {"connection_refused", ECONNREFUSED},
    {"connection_reset", ECONNRESET},
    {"bad_descriptor", EBADF},
    {"fault", EFAULT},
    {"host_unreachable", EHOSTUNREACH},
    {"in_progress", EINPROGRESS},
    {"interrupted", EINTR},
    {"invalid_argument", EINVAL},
    {"message_size", EMSGSIZE},
    {"name_too_long", ENAMETOOLONG},
    {"network_down", ENETDOWN},
    {"network_reset", ENETRESET},
    {"network_unreachable", ENETUNREACH},
    {"no_descriptors", EMFILE},
    {"no_buffer_space", ENOBUFS},
    {"no_memory", ENOMEM},
    {"no_permission", EPERM},
    {"no_protocol_option", ENOPROTOOPT},
    {"no_such_device", ENODEV},
    {"not_connected", ENOTCONN},
    {"not_socket", ENOTSOCK},
    {"operation_aborted", ECANCELED},
    {"operation_not_supported", EOPNOTSUPP},
    {"shut_down", ESHUTDOWN},
    {"timed_out", ETIMEDOUT},
    {"try_again", EAGAIN},
    {"would_block", EWOULDBLOCK},
    {NULL, 0},
};

static const struct name_code netdb_names[] = {
    {"host_not_found", EMILUA_ASIO_NETDB_HOST_NOT_FOUND},
    {"host_not_found_try_again", EMILUA_ASIO_NETDB_HOST_NOT_FOUND_TRY_AGAIN},
    {"no_data", EMILUA_ASIO_NETDB_NO_DATA},
    {"no_recovery", EMILUA_ASIO_NETDB_NO_RECOVERY},
    {NULL, 0},
};

static const struct name_code addrinfo_names[] = {
    {"service_not_found", EMILUA_ASIO_ADDRINFO_SERVICE_NOT_FOUND},
    {"socket_type_not_supported",
     EMILUA_ASIO_ADDRINFO_SOCKET_TYPE_NOT_SUPPORTED},
    {NULL, 0},
};

static const struct name_code misc_names[] = {
    {"already_open", EMILUA_ASIO_MISC_ALREADY_OPEN},
    {"eof", EMILUA_ASIO_MISC_EOF},
    {"not_found", EMILUA_ASIO_MISC_NOT_FOUND},
    {"fd_set_failure", EMILUA_ASIO_MISC_FD_SET_FAILURE},
    {NULL, 0},
};

struct group {
    const char *name;
    const emilua_error_category *category;
    const struct name_code *names;
};

static const struct group groups[] = {
    {"basic", &emilua_system_category, basic_names},
    {"netdb", &emilua_asio_netdb_category, netdb_names},
    {"addrinfo", &emilua_asio_addrinfo_category, addrinfo_names},
    {"misc", &emilua_asio_misc_category, misc_names},
};

#define N_GROUPS (sizeof groups / sizeof *groups)

static int group_index(lua_State *L);

static const luaL_Reg group_meta[] = {
    {"__index", group_index},
    {NULL, NULL},
};

static const emilua_udata_type group_type = {
    "asio_error.group", NULL, group_meta, NULL,
};

static int group_index(lua_State *L)
{
    const struct group *g = *(const struct group **)emilua_check_udata(
        L, 1, &group_type);
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2)
                                                    : NULL;
    for (const struct name_code *n = g->names; key && n->name; n++) {
        if (strcmp(n->name, key) == 0) {
            emilua_push_error(L, g->category, n->code);
            return 1;
        }
    }
    return luaL_error(L, "asio_error: no error named '%s.%s'", g->name,
                      key ? key : luaL_typename(L, 2));
}

/* The groups are created once per module value and kept in the root
 * userdata's environment table, so asio_error.basic is always the same
 * object; only the error tables are new on each access. */
static int root_index(lua_State *L)
{
    lua_getfenv(L, 1);
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
    if (!lua_isnil(L, -1))
        return 1;
    return luaL_error(L, "asio_error: no error group named '%s'",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2)
                                                    : luaL_typename(L, 2));
}

static const luaL_Reg root_meta[] = {
    {"__index", root_index},
    {NULL, NULL},
};

static const emilua_udata_type root_type = {
    "asio_error", NULL, root_meta, NULL,
};

int emilua_open_asio_error(lua_State *L)
{
    emilua_new_udata(L, &root_type, 1);
    lua_createtable(L, 0, N_GROUPS);
    for (size_t i = 0; i < N_GROUPS; i++) {
        const struct group **ud = emilua_new_udata(L, &group_type,
                                                   sizeof *ud);
        *ud = &groups[i];
        lua_setfield(L, -2, groups[i].name);
    }
    lua_setfenv(L, -2);
    return 1;
}
