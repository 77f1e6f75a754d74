/* print(): written straight to fd 1 with write(2), so that it comes out in
 * program order with everything else written to stdout and stderr, even
 * when stdout is a pipe or a file.  A nonblocking stdout is waited on
 * with poll(); the fiber does not suspend (print never did). */
#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include "core.h"

/* Writes all of buf to fd; returns 0 or -errno. */
int write_all_blocking(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                struct pollfd p = {.fd = fd, .events = POLLOUT};
                poll(&p, 1, -1);
                continue;
            }
            return -errno;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static int print(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_Buffer b;
    lua_pushvalue(L, lua_upvalueindex(1));   /* tostring */
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        lua_pushvalue(L, n + 1);
        lua_pushvalue(L, i);
        lua_call(L, 1, 1);
        if (!lua_isstring(L, -1))
            return luaL_error(L, "print: 'tostring' must return a string");
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_addvalue(&b);
    }
    luaL_addchar(&b, '\n');
    luaL_pushresult(&b);
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    write_all_blocking(STDOUT_FILENO, s, len);
    return 0;
}

int open_print(lua_State *L)
{
    lua_getglobal(L, "tostring");
    lua_pushcclosure(L, print, 1);
    lua_setglobal(L, "print");
    return 0;
}
