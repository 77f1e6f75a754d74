/* tls.socket over a socketpair, driven from fibers: handshakes with and
 * without trust, echo, EOF and truncation, cancellation, close, and the
 * VM closing with operations pending.  The sockets are made here from
 * raw fds, so the TLS layer is tested apart from ip.tcp.socket (the
 * golden tests in tests/tls/ go through TCP).  argv[1] is the tests
 * source directory (tests/tls/mkcerts.sh makes the certificates). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "modules/tls/tls_module.h"

#include "check.h"
#include "vm_fixture.h"

int emilua_open_tls(lua_State *L);

static char dir[] = "/tmp/emilua-tls-socket-XXXXXX";

/* testtls.pair(client_ctx, server_ctx) -> two tls.sockets, connected */
static int testtls_pair(lua_State *L)
{
    SSL_CTX *c = emilua_tls_check_context(L, 1);
    SSL_CTX *s = emilua_tls_check_context(L, 2);
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0,
                   sv) != 0)
        return emilua_raise_errno(L, errno);
    SSL_CTX *ctx[2] = {c, s};
    for (int i = 0; i < 2; i++) {
        if (tls_socket_attach(tls_socket_push(L, ctx[i]), sv[i]) != 0)
            abort();
    }
    return 2;
}

/* testtls.fd_count() -> the number of open fds of the process */
static int testtls_fd_count(lua_State *L)
{
    int n = 0;
    for (int fd = 0; fd < 1024; fd++)
        if (fcntl(fd, F_GETFD) >= 0)
            n++;
    lua_pushinteger(L, n);
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

static bool script_finished;

static int lua_finished(lua_State *L)
{
    script_finished = true;
    return 0;
}

static const emilua_reg testtls_funcs[] = {
    {"pair", testtls_pair, 0},
    {"fd_count", testtls_fd_count, 0},
    {NULL, NULL, 0},
};

/* Contexts: a server with the throwaway certificate, a client that
 * trusts its CA and checks the name "localhost", and one that trusts
 * nothing. */
static const char prelude[] =
    "local function server_ctx()\n"
    "    local s = tls.context.new('tls_server')\n"
    "    s:use_certificate_chain_file(dir .. '/chain.pem')\n"
    "    s:use_private_key_file(dir .. '/server.key', 'pem')\n"
    "    return s\n"
    "end\n"
    "local function client_ctx(trust)\n"
    "    local c = tls.context.new('tls_client')\n"
    "    c:set_verify_mode('peer')\n"
    "    if trust then c:load_verify_file(dir .. '/ca.pem') end\n"
    "    return c\n"
    "end\n"
    "local function verified_pair()\n"
    "    local c, s = testtls.pair(client_ctx(true), server_ctx())\n"
    "    c:set_verify_callback('host_name_verification', 'localhost')\n"
    "    c:set_server_name('localhost')\n"
    "    return c, s\n"
    "end\n"
    "local function connected_pair()\n"
    "    local c, s = verified_pair()\n"
    "    local f = spawn(function() s:server_handshake() end)\n"
    "    c:client_handshake()\n"
    "    f:join()\n"
    "    return c, s\n"
    "end\n"
    "local function read_string(sock, n)\n"
    "    local buf = byte_span.new(n)\n"
    "    local got = sock:read_some(buf)\n"
    "    return tostring(buf:sub(1, got))\n"
    "end\n"
    "local function err_of(f, ...)\n"
    "    local ok, e = pcall(f, ...)\n"
    "    expect(not ok, 'an error was expected')\n"
    "    return e\n"
    "end\n"
    "local function category(e)\n"
    "    return type(e) == 'table' and tostring(e.category) or tostring(e)\n"
    "end\n";

static void run(const char *name, const char *body, bool close_early)
{
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    lua_State *L = fx.vm->L;
    lua_newtable(L);
    emilua_set_funcs(L, "testtls", testtls_funcs);
    lua_setglobal(L, "testtls");
    lua_pushcfunction(L, lua_expect);
    lua_setglobal(L, "expect");
    lua_pushcfunction(L, lua_finished);
    lua_setglobal(L, "finished");
    lua_pushstring(L, dir);
    lua_setglobal(L, "dir");
    emilua_open_tls(L);
    lua_setglobal(L, "tls");
    script_finished = false;

    char path[] = "/tmp/emilua-test-tls-XXXXXX.lua";
    int fd = mkstemps(path, 4);
    if (fd < 0 || write(fd, prelude, strlen(prelude)) !=
                      (ssize_t)strlen(prelude) ||
        write(fd, body, strlen(body)) != (ssize_t)strlen(body))
        abort();
    close(fd);
    int rc = vm_start_entry(fx.vm, path, "main");
    unlink(path);
    CHECK(rc == 0);
    if (close_early) {
        for (int i = 0; i < 10; i++)
            uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);
    } else {
        uv_run(&fx.ctx.loop, UV_RUN_DEFAULT);
    }
    if (!script_finished) {
        fprintf(stderr, "%s: the script did not finish\n", name);
        check_failures++;
    }
    vm_fixture_close(&fx);
}

/* ---- the scripts ---------------------------------------------------------- */

/* Echo with verification, then a clean close: EOF, not truncation. */
static const char echo[] =
    "local c, s = verified_pair()\n"
    "local f = spawn(function()\n"
    "    s:server_handshake()\n"
    "    local msg = read_string(s, 64)\n"
    "    expect(s:write_some(byte_span.append(msg)) == #msg, 'echo count')\n"
    "    s:shutdown()\n"
    "end)\n"
    "c:client_handshake()\n"
    "expect(c:write_some(byte_span.append('hello tls')) == 9, 'write')\n"
    "expect(read_string(c, 64) == 'hello tls', 'echoed')\n"
    "local e = err_of(c.read_some, c, byte_span.new(8))\n"
    "expect(category(e) == 'asio.misc' and e.code == 2, 'clean eof')\n"
    "c:shutdown()\n"
    "f:join()\n"
    "expect(c:read_some(byte_span.new(0)) == 0, 'empty read')\n"
    "finished()\n";

/* Large writes: write_some may take less than asked; all bytes arrive
 * in order. */
static const char bulk[] =
    "local c, s = connected_pair()\n"
    "local total = 1000000\n"
    "local f = spawn(function()\n"
    "    local data = byte_span.new(total)\n"
    "    for i = 1, total do data[i] = i % 251 end\n"
    "    local off = 0\n"
    "    while off < total do\n"
    "        off = off + s:write_some(data:sub(off + 1))\n"
    "    end\n"
    "end)\n"
    "local got, ok = 0, true\n"
    "local buf = byte_span.new(7000)\n"
    "while got < total do\n"
    "    local n = c:read_some(buf)\n"
    "    for i = 1, n do\n"
    "        if buf[i] ~= (got + i) % 251 then ok = false end\n"
    "    end\n"
    "    got = got + n\n"
    "end\n"
    "expect(ok and got == total, 'every byte in order')\n"
    "f:join()\n"
    "finished()\n";

/* A client that trusts another CA (here: none) fails the handshake with
 * an asio.ssl error; so does a host name the certificate does not name. */
static const char untrusted[] =
    "for _, setup in ipairs{\n"
    "    function() return testtls.pair(client_ctx(false), server_ctx()) end,\n"
    "    function()\n"
    "        local c, s = testtls.pair(client_ctx(true), server_ctx())\n"
    "        c:set_verify_callback('host_name_verification', 'example.com')\n"
    "        return c, s\n"
    "    end,\n"
    "    function()\n"
    "        local c, s = testtls.pair(client_ctx(true), server_ctx())\n"
    "        c:set_verify_callback('host_name_verification', '127.0.0.2')\n"
    "        return c, s\n"
    "    end,\n"
    "} do\n"
    "    local c, s = setup()\n"
    "    local f = spawn(function()\n"
    "        local e = err_of(s.server_handshake, s)\n"
    "        expect(category(e) == 'asio.ssl', 'server sees the alert: ' .. tostring(e))\n"
    "    end)\n"
    "    local e = err_of(c.client_handshake, c)\n"
    "    expect(category(e) == 'asio.ssl', 'client: ' .. category(e))\n"
    "    expect(tostring(e) == 'certificate verify failed', tostring(e))\n"
    "    f:join()\n"
    "end\n"
    "local c, s = testtls.pair(client_ctx(true), server_ctx())\n"
    "c:set_verify_mode('none')\n"
    "local f = spawn(function() s:server_handshake() end)\n"
    "c:client_handshake()\n"
    "f:join()\n"
    "finished()\n";

/* The transport ends without close_notify: stream_truncated. */
static const char truncated[] =
    "local c, s = connected_pair()\n"
    "s:close()\n"
    "local e = err_of(c.read_some, c, byte_span.new(8))\n"
    "expect(category(e) == 'asio.ssl.stream' and e.code == 1, 'truncated: ' .. tostring(e))\n"
    "expect(tostring(e) == 'stream truncated', tostring(e))\n"
    "local c, s = verified_pair()\n"
    "s:close()\n"
    "local e = err_of(c.client_handshake, c)\n"
    "expect(category(e) ~= 'asio.ssl', 'handshake on a dead transport: ' .. tostring(e))\n"
    "finished()\n";

/* A canceled read has not happened: the socket keeps working and the
 * bytes sent later arrive whole. */
static const char cancel_read[] =
    "local c, s = connected_pair()\n"
    "local f = spawn(function() c:read_some(byte_span.new(8)) end)\n"
    "this_fiber.yield()\n"
    "f:cancel()\n"
    "local ok, e = pcall(function() f:join() end)\n"
    "expect(f.cancellation_caught == true, 'read interrupted')\n"
    "s:write_some(byte_span.append('after'))\n"
    "expect(read_string(c, 8) == 'after', 'still usable')\n"
    "finished()\n";

/* A handshake canceled half way resumes where it stopped. */
static const char cancel_handshake[] =
    "local c, s = verified_pair()\n"
    "local f = spawn(function() c:client_handshake() end)\n"
    "this_fiber.yield()\n"
    "f:cancel()\n"
    "f:join()\n"
    "expect(f.cancellation_caught == true, 'handshake interrupted')\n"
    "local g = spawn(function() s:server_handshake() end)\n"
    "c:client_handshake()\n"
    "g:join()\n"
    "s:write_some(byte_span.append('ok'))\n"
    "expect(read_string(c, 8) == 'ok', 'handshake finished after all')\n"
    "finished()\n";

/* A write canceled while OpenSSL holds one of its records: the next
 * write sends that record first, then its own bytes; nothing is mixed up
 * and OpenSSL sees no bad retry. */
static const char cancel_write[] =
    "local c, s = connected_pair()\n"
    "local written, blocked = 0, false\n"
    "local big = byte_span.new(65536)\n"
    "big:fill(65)\n"
    "local f = spawn(function()\n"
    "    while true do written = written + c:write_some(big) end\n"
    "end)\n"
    "local still = 0\n"
    "while still < 10 do  -- the writer waits: the socketpair is full\n"
    "    local before = written\n"
    "    this_fiber.yield()\n"
    "    still = written == before and still + 1 or 0\n"
    "end\n"
    "f:cancel()\n"
    "f:join()\n"
    "expect(f.cancellation_caught == true, 'write interrupted')\n"
    "local g = spawn(function()\n"
    "    local ok, n = pcall(c.write_some, c, byte_span.append('END'))\n"
    "    expect(ok and n == 3, 'new write whole: ' .. tostring(n))\n"
    "    if not ok then s:cancel() end  -- the reader would wait forever\n"
    "end)\n"
    "local got, ok, tail = 0, true, ''\n"
    "local buf = byte_span.new(65536)\n"
    "while tail ~= 'END' do\n"
    "    local n = s:read_some(buf)\n"
    "    local chunk = tostring(buf:sub(1, n))\n"
    "    tail = (tail .. chunk):sub(-3)\n"
    "    got = got + n\n"
    "    if chunk:find('[^A]') and not chunk:find('^A*E?N?D?$') then ok = false end\n"
    "end\n"
    "g:join()\n"
    "expect(ok, 'only As before END')\n"
    "expect(got > written + 3, 'the canceled record went out: ' .. got .. ' ' .. written)\n"
    "finished()\n";

/* A shutdown waiting for the peer's close_notify, canceled: called
 * again, it finishes once the peer answers. */
static const char cancel_shutdown[] =
    "local c, s = connected_pair()\n"
    "local f = spawn(function() c:shutdown() end)\n"
    "this_fiber.yield()\n"
    "f:cancel()\n"
    "f:join()\n"
    "expect(f.cancellation_caught == true, 'shutdown interrupted')\n"
    "local e = err_of(s.read_some, s, byte_span.new(8))\n"
    "expect(category(e) == 'asio.misc' and e.code == 2, 'the peer saw close_notify')\n"
    "local g = spawn(function() s:shutdown() end)\n"
    "c:shutdown()\n"
    "g:join()\n"
    "finished()\n";

/* close() and cancel() abort pending operations with operation_aborted;
 * a closed socket refuses new ones with EBADF. */
static const char abort_ops[] =
    "local c, s = connected_pair()\n"
    "local e1, e2\n"
    "local f = spawn(function() e1 = err_of(c.read_some, c, byte_span.new(8)) end)\n"
    "local g = spawn(function() e2 = err_of(s.read_some, s, byte_span.new(8)) end)\n"
    "this_fiber.yield()\n"
    "c:cancel()\n"
    "s:close()\n"
    "f:join() g:join()\n"
    "expect(category(e1) == 'system' and e1.code == 125, 'cancel aborts')\n"
    "expect(category(e2) == 'system' and e2.code == 125, 'close aborts')\n"
    "local e = err_of(s.read_some, s, byte_span.new(8))\n"
    "expect(e.code == 9, 'EBADF after close')\n"
    "s:close()\n"
    "finished()\n";

/* Bad arguments raise EINVAL with arg, or a type error. */
static const char bad_args[] =
    "local c, s = verified_pair()\n"
    "local function einval(arg, f, ...)\n"
    "    local e = err_of(f, ...)\n"
    "    expect(type(e) == 'table' and e.code == 22 and e.arg == arg,\n"
    "           'EINVAL arg ' .. arg .. ': ' .. tostring(e))\n"
    "end\n"
    "einval(2, c.set_verify_mode, c, 'bogus')\n"
    "einval(2, c.set_verify_depth, c, -1)\n"
    "einval(2, c.set_verify_callback, c, 'other', 'x')\n"
    "einval(3, c.set_verify_callback, c, 'host_name_verification', '')\n"
    "einval(2, c.set_server_name, c, '')\n"
    "einval(2, c.set_server_name, c, 'a\\0b')\n"
    "einval(2, c.read_some, c, 'str')\n"
    "einval(2, c.write_some, c, nil)\n"
    "einval(1, c.read_some, {}, byte_span.new(1))\n"
    "c:set_verify_depth(4)\n"
    "c:set_verify_mode('fail_if_no_peer_cert')\n"
    "finished()\n";

/* Many sockets opened and dropped: every fd comes back. */
static const char fd_leak[] =
    "collectgarbage() collectgarbage()\n"
    "local before = testtls.fd_count()\n"
    "for i = 1, 200 do\n"
    "    local c, s = testtls.pair(client_ctx(false), server_ctx())\n"
    "    if i % 2 == 0 then c:close() s:close() end\n"
    "end\n"
    "for i = 1, 20 do\n"
    "    local c, s = testtls.pair(client_ctx(false), server_ctx())\n"
    "    local f = spawn(function() pcall(s.server_handshake, s) end)\n"
    "    pcall(c.client_handshake, c)\n"
    "    f:join()\n"
    "end\n"
    "collectgarbage() collectgarbage()\n"
    "expect(testtls.fd_count() == before, 'fd count back')\n"
    "finished()\n";

/* The VM closes while handshakes and reads wait. */
static const char vm_close_pending[] =
    "local c, s = verified_pair()\n"
    "spawn(function() c:client_handshake() end)\n"
    "local c2, s2 = connected_pair()\n"
    "spawn(function() c2:read_some(byte_span.new(8)) end)\n"
    "finished()\n";

int main(int argc, char **argv)
{
    if (argc != 2 || !mkdtemp(dir))
        return 2;
    signal(SIGPIPE, SIG_IGN);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sh '%s/tls/mkcerts.sh' '%s'", argv[1], dir);
    if (system(cmd) != 0)
        return 2;

    run("echo", echo, false);
    run("bulk", bulk, false);
    run("untrusted", untrusted, false);
    run("truncated", truncated, false);
    run("cancel_read", cancel_read, false);
    run("cancel_handshake", cancel_handshake, false);
    run("cancel_write", cancel_write, false);
    run("cancel_shutdown", cancel_shutdown, false);
    run("abort_ops", abort_ops, false);
    run("bad_args", bad_args, false);
    run("fd_leak", fd_leak, false);
    run("vm_close_pending", vm_close_pending, true);

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    return check_failures != 0;
}
