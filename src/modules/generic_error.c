/* require 'generic_error': each access by name gives a new error table
 * of the generic category (the POSIX condition with that name). */
#include <errno.h>
#include <string.h>

#include <emilua/api.h>

static const struct { const char *name; int code; } names[] = {
    {"EAFNOSUPPORT", EAFNOSUPPORT}, {"EADDRINUSE", EADDRINUSE},
    {"EADDRNOTAVAIL", EADDRNOTAVAIL}, {"EISCONN", EISCONN},
    {"E2BIG", E2BIG}, {"EDOM", EDOM}, {"EFAULT", EFAULT}, {"EBADF", EBADF},
    {"EBADMSG", EBADMSG}, {"EPIPE", EPIPE}, {"ECONNABORTED", ECONNABORTED},
    {"EALREADY", EALREADY}, {"ECONNREFUSED", ECONNREFUSED},
    {"ECONNRESET", ECONNRESET}, {"EXDEV", EXDEV},
    {"EDESTADDRREQ", EDESTADDRREQ}, {"EBUSY", EBUSY},
    {"ENOTEMPTY", ENOTEMPTY}, {"ENOEXEC", ENOEXEC}, {"EEXIST", EEXIST},
    {"EFBIG", EFBIG}, {"ENAMETOOLONG", ENAMETOOLONG}, {"ENOSYS", ENOSYS},
    {"EHOSTUNREACH", EHOSTUNREACH}, {"EIDRM", EIDRM}, {"EILSEQ", EILSEQ},
    {"ENOTTY", ENOTTY}, {"EINTR", EINTR}, {"EINVAL", EINVAL},
    {"ESPIPE", ESPIPE}, {"EIO", EIO}, {"EISDIR", EISDIR},
    {"EMSGSIZE", EMSGSIZE}, {"ENETDOWN", ENETDOWN}, {"ENETRESET", ENETRESET},
    {"ENETUNREACH", ENETUNREACH}, {"ENOBUFS", ENOBUFS}, {"ECHILD", ECHILD},
    {"ENOLINK", ENOLINK}, {"ENOLCK", ENOLCK}, {"ENOMSG", ENOMSG},
    {"ENOPROTOOPT", ENOPROTOOPT}, {"ENOPROTOPT", ENOPROTOOPT},
    {"ENOSPC", ENOSPC}, {"ENXIO", ENXIO}, {"ENODEV", ENODEV},
    {"ENOENT", ENOENT}, {"ESRCH", ESRCH}, {"ENOTDIR", ENOTDIR},
    {"ENOTSOCK", ENOTSOCK}, {"ENOTCONN", ENOTCONN}, {"ENOMEM", ENOMEM},
    {"ENOTSUP", ENOTSUP}, {"ECANCELED", ECANCELED},
    {"EINPROGRESS", EINPROGRESS}, {"EPERM", EPERM},
    {"EOPNOTSUPP", EOPNOTSUPP}, {"EWOULDBLOCK", EWOULDBLOCK},
    {"EOWNERDEAD", EOWNERDEAD}, {"EACCES", EACCES}, {"EPROTO", EPROTO},
    {"EPROTONOSUPPORT", EPROTONOSUPPORT}, {"EROFS", EROFS},
    {"EDEADLK", EDEADLK}, {"EAGAIN", EAGAIN}, {"ERANGE", ERANGE},
    {"ENOTRECOVERABLE", ENOTRECOVERABLE}, {"ETXTBSY", ETXTBSY},
    {"ETIMEDOUT", ETIMEDOUT}, {"ENFILE", ENFILE}, {"EMFILE", EMFILE},
    {"EMLINK", EMLINK}, {"ELOOP", ELOOP}, {"EOVERFLOW", EOVERFLOW},
    {"EPROTOTYPE", EPROTOTYPE},
};

static int generic_index(lua_State *L)
{
    const char *key = lua_tostring(L, 2);
    for (size_t i = 0; key && i < sizeof names / sizeof *names; i++) {
        if (strcmp(names[i].name, key) == 0) {
            emilua_push_error(L, &emilua_generic_category, names[i].code);
            return 1;
        }
    }
    return luaL_error(L, "generic_error: no error named '%s'",
                      key ? key : luaL_typename(L, 2));
}

static const luaL_Reg generic_meta[] = {
    {"__index", generic_index},
    {NULL, NULL},
};

static const emilua_udata_type generic_error_type = {
    "generic_error", NULL, generic_meta, NULL,
};

int emilua_open_generic_error(lua_State *L)
{
    emilua_new_udata(L, &generic_error_type, 1);
    return 1;
}
