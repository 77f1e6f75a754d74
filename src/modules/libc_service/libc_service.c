/* The libc_service module: new() makes the socket pair of a service. */
#include <sys/socket.h>
#include <unistd.h>

#include "lcs_module.h"

static int lcs_new(lua_State *L)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
        return emilua_raise_errno(L, errno);
    int rc = lcs_push_master(L, sv[0]);
    if (rc < 0) {
        close(sv[0]);
        close(sv[1]);
        emilua_push_status(L, rc);
        return lua_error(L);
    }
    lcs_push_slave(L, sv[1]);
    return 2;
}

static const emilua_reg lcs_funcs[] = {
    {"new", lcs_new, 0},
    {NULL, NULL, 0},
};

int emilua_open_libc_service(lua_State *L);

int emilua_open_libc_service(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "libc_service", lcs_funcs);
    return 1;
}
