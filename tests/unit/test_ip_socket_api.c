/* include/emilua/ip_socket.h, the way tls.socket uses it: a module takes
 * a connected ip.tcp.socket over (its pending operations end with
 * operation_aborted, it is closed after) and drives the fd itself; here
 * the fd goes into a new ip.tcp.socket, and the connection goes on. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <emilua/ip_socket.h>

#include "check.h"
#include "vm_fixture.h"

static bool script_finished;

/* take(sock) -> a new ip.tcp.socket owning sock's fd, or nil, errno */
static int lua_take(lua_State *L)
{
    emilua_io *io = emilua_check_ip_tcp_socket(L, 1);
    int fd = emilua_ip_tcp_socket_take(io);
    if (fd < 0) {
        lua_pushnil(L);
        lua_pushinteger(L, -fd);
        return 2;
    }
    /* the socket layer's flags are kept */
    CHECK((fcntl(fd, F_GETFL) & O_NONBLOCK) && (fcntl(fd, F_GETFD) & FD_CLOEXEC));
    emilua_io *copy = emilua_push_ip_tcp_socket(L, fd, AF_INET);
    CHECK(copy->fd == fd && emilua_test_ip_tcp_socket(L, -1) == copy);
    return 1;
}

static int lua_is_tcp(lua_State *L)
{
    lua_pushboolean(L, emilua_test_ip_tcp_socket(L, 1) != NULL);
    return 1;
}

static int lua_expect(lua_State *L)
{
    if (!lua_toboolean(L, 1)) {
        fprintf(stderr, "check failed in Lua: %s\n", luaL_optstring(L, 2, "?"));
        check_failures++;
    }
    return 0;
}

static int lua_finished(lua_State *L)
{
    script_finished = true;
    return 0;
}

static const char script[] =
    "local ip = require 'ip'\n"
    "local asio_error = require 'asio_error'\n"
    "local a = ip.tcp.listen('127.0.0.1:0')\n"
    "local f = spawn(function()\n"
    "    local c = ip.tcp.socket.new()\n"
    "    c:connect(ip.address.loopback_v4(), a.local_port)\n"
    "    return c\n"
    "end)\n"
    "local s = a:accept()\n"
    "local c = f:join()\n"
    "expect(is_tcp(s) and not is_tcp(a) and not is_tcp(1), 'test')\n"
    "local r = spawn(function()\n"
    "    local ok, e = pcall(s.read_some, s, byte_span.new(4))\n"
    "    expect(not ok and e == asio_error.basic.operation_aborted,\n"
    "           'pending read aborted')\n"
    "end)\n"
    "this_fiber.yield()\n"
    "local t = take(s)\n"
    "r:join()\n"
    "expect(not s.is_open and t.is_open, 'taken over')\n"
    "local none, err = take(s)\n"
    "expect(none == nil and err == 9, 'EBADF from a closed socket')\n"
    "c:write_some('ping')\n"
    "local buf = byte_span.new(4)\n"
    "expect(tostring(buf:first(t:read_some(buf))) == 'ping', 'same peer')\n"
    "expect(t.remote_port == c.local_port, 'same connection')\n"
    "t:close() c:close() a:close()\n"
    "expect(not pcall(take, 'x'), 'a string is no socket')\n"
    "finished()\n";

int main(void)
{
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    lua_State *L = fx.vm->L;
    lua_pushcfunction(L, lua_take);
    lua_setglobal(L, "take");
    lua_pushcfunction(L, lua_is_tcp);
    lua_setglobal(L, "is_tcp");
    lua_pushcfunction(L, lua_expect);
    lua_setglobal(L, "expect");
    lua_pushcfunction(L, lua_finished);
    lua_setglobal(L, "finished");

    char path[] = "/tmp/emilua-test-ip-socket-XXXXXX.lua";
    int fd = mkstemps(path, 4);
    if (fd < 0 || write(fd, script, strlen(script)) != (ssize_t)strlen(script))
        abort();
    close(fd);
    int rc = vm_start_entry(fx.vm, path, "main");
    unlink(path);
    CHECK(rc == 0);
    uv_run(&fx.ctx.loop, UV_RUN_DEFAULT);
    CHECK(script_finished);
    vm_fixture_close(&fx);
    return check_failures != 0;
}
