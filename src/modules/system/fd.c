/* A minimal file_descriptor type: an owned fd that is closed by close()
 * or by the garbage collector (include/emilua/file_descriptor.h). */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>

#include "system.h"

struct fd_udata {
    int fd;             /* -1 once closed */
};

static int fd_close(lua_State *L);
static int fd_dup(lua_State *L);
static int fd_gc(lua_State *L);

static const emilua_reg fd_methods[] = {
    {"close", fd_close, 0},
    {"dup", fd_dup, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg fd_meta[] = {
    {"__gc", fd_gc},
    {NULL, NULL},
};

static const emilua_udata_type fd_type = {
    "file_descriptor", fd_methods, fd_meta, NULL,
};

void emilua_push_file_descriptor(lua_State *L, int fd)
{
    struct fd_udata *u = emilua_new_udata(L, &fd_type, sizeof *u);
    u->fd = fd;
}

static struct fd_udata *check_open(lua_State *L, int argn, const char *name)
{
    struct fd_udata *u = emilua_test_udata(L, argn, &fd_type);
    if (!u)
        emilua_arg_error(L, argn, name, "a file_descriptor");
    if (u->fd < 0)
        emilua_raise_errno(L, EBADF);
    return u;
}

int emilua_check_file_descriptor(lua_State *L, int argn, const char *name)
{
    return check_open(L, argn, name)->fd;
}

int emilua_take_file_descriptor(lua_State *L, int argn, const char *name)
{
    struct fd_udata *u = check_open(L, argn, name);
    int fd = u->fd;
    u->fd = -1;
    return fd;
}

static int fd_close(lua_State *L)
{
    struct fd_udata *u = emilua_check_udata(L, 1, &fd_type);
    /* Closing twice is allowed; Linux releases the fd even on EINTR, so
     * it is never retried. */
    if (u->fd >= 0) {
        int fd = u->fd;
        u->fd = -1;
        if (close(fd) != 0 && errno != EINTR)
            return emilua_raise_errno(L, errno);
    }
    return 0;
}

static int fd_dup(lua_State *L)
{
    int fd = emilua_check_file_descriptor(L, 1, "self");
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return emilua_raise_errno(L, errno);
    emilua_push_file_descriptor(L, nfd);
    return 1;
}

static int fd_gc(lua_State *L)
{
    struct fd_udata *u = lua_touserdata(L, 1);
    if (u->fd >= 0)
        close(u->fd);
    u->fd = -1;
    return 0;
}
