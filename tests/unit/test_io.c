/* The IO-object layer (src/core/io.c) and the object life cycle under it,
 * through a small socket type built the way a module builds one: the Lua
 * scripts below drive it from fibers, C checks what Lua cannot see (fds
 * closed, records freed), and the ASan build checks the memory. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <emilua/io.h>

#include "check.h"
#include "vm_fixture.h"

static int live_records;

/* ---- the socket type ----------------------------------------------------- */

static const emilua_udata_type sock_type;

static void sock_finalize(emilua_io *io)
{
    live_records--;
}

static emilua_io *sock_new(lua_State *L)
{
    emilua_io *io = emilua_io_new(L, &sock_type, sizeof *io);
    io->finalize = sock_finalize;
    live_records++;
    return io;
}

static ssize_t try_read(emilua_io *io, emilua_io_op *op)
{
    ssize_t n = read(io->fd, op->buf, op->len);
    return n > 0 ? n : n == 0 ? EMILUA_EOF : -errno;
}

static ssize_t try_write(emilua_io *io, emilua_io_op *op)
{
    ssize_t n = write(io->fd, op->buf, op->len);
    return n >= 0 ? n : -errno;
}

static int sock_read_some(lua_State *L)
{
    emilua_io *io = emilua_object_check(L, 1, &sock_type);
    emilua_byte_span *s = emilua_check_byte_span(L, 2);
    emilua_io_op *op = emilua_io_op_begin(L, io, EMILUA_IO_IN, try_read,
                                          NULL);
    emilua_io_op_buffer(op, s);
    return emilua_io_submit(L, op);
}

static int sock_write_some(lua_State *L)
{
    emilua_io *io = emilua_object_check(L, 1, &sock_type);
    size_t len;
    const char *str = luaL_checklstring(L, 2, &len);
    emilua_io_op *op = emilua_io_op_begin(L, io, EMILUA_IO_OUT, try_write,
                                          NULL);
    op->buf = (unsigned char *)str;     /* the caller's frame keeps it */
    op->len = len;
    return emilua_io_submit(L, op);
}

static int sock_close(lua_State *L)
{
    emilua_io *io = emilua_object_check(L, 1, &sock_type);
    int rc = emilua_io_close(io);
    if (rc < 0)
        return emilua_raise_errno(L, -rc);
    return 0;
}

static int sock_cancel(lua_State *L)
{
    emilua_io *io = emilua_object_check(L, 1, &sock_type);
    lua_pushinteger(L, emilua_io_cancel(io));
    return 1;
}

static int sock_release(lua_State *L)
{
    emilua_io *io = emilua_object_check(L, 1, &sock_type);
    int fd = emilua_io_release(io);
    if (fd < 0)
        return emilua_raise_errno(L, -fd);
    lua_pushinteger(L, fd);
    return 1;
}

static int sock_assign(lua_State *L)
{
    emilua_io *io = emilua_object_check(L, 1, &sock_type);
    int rc = emilua_io_assign(io, (int)luaL_checkinteger(L, 2), true);
    if (rc < 0)
        return emilua_raise_errno(L, -rc);
    return 0;
}

static int sock_fileno(lua_State *L)
{
    emilua_io *io = emilua_object_check(L, 1, &sock_type);
    lua_pushinteger(L, io->fd);
    return 1;
}

static const emilua_reg sock_methods[] = {
    {"read_some", sock_read_some, EMILUA_SUSPENDS},
    {"write_some", sock_write_some, EMILUA_SUSPENDS},
    {"close", sock_close, 0},
    {"cancel", sock_cancel, 0},
    {"release", sock_release, 0},
    {"assign", sock_assign, 0},
    {"fileno", sock_fileno, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg sock_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type sock_type = {
    "test.sock", sock_methods, sock_meta, NULL,
};

/* testio.pair() -> two connected sockets; testio.new() -> a closed one */
static int testio_pair(lua_State *L)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0,
                   sv) != 0)
        return emilua_raise_errno(L, errno);
    for (int i = 0; i < 2; i++)
        emilua_io_assign(sock_new(L), sv[i], false);
    return 2;
}

static int testio_new(lua_State *L)
{
    sock_new(L);
    return 1;
}

static int testio_pipe_fds(lua_State *L)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, p[0]);
    lua_pushinteger(L, p[1]);
    return 2;
}

/* expect(cond, what): a failed check of the Lua side */
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

static int lua_fd_is_open(lua_State *L)
{
    lua_pushboolean(L, fcntl((int)luaL_checkinteger(L, 1), F_GETFD) >= 0);
    return 1;
}

/* testio.keep(a, b): for C to look at after the script (referenced
 * from the registry until the VM closes). */
static emilua_io *kept[2];

static int testio_keep(lua_State *L)
{
    for (int i = 0; i < 2; i++) {
        kept[i] = emilua_object_check(L, i + 1, &sock_type);
        lua_pushvalue(L, i + 1);
        luaL_ref(L, LUA_REGISTRYINDEX);
    }
    return 0;
}

static const emilua_reg testio_funcs[] = {
    {"keep", testio_keep, 0},
    {"pair", testio_pair, 0},
    {"new", testio_new, 0},
    {"pipe_fds", testio_pipe_fds, 0},
    {NULL, NULL, 0},
};

/* ---- running a script ----------------------------------------------------- */

/* Starts src as the entry of a fresh VM.  The script calls finished()
 * when it got to its end. */
static void start(struct vm_fixture *fx, const char *src)
{
    vm_fixture_open(fx);
    lua_State *L = fx->vm->L;
    lua_newtable(L);
    emilua_set_funcs(L, "testio", testio_funcs);
    lua_setglobal(L, "testio");
    lua_pushcfunction(L, lua_expect);
    lua_setglobal(L, "expect");
    lua_pushcfunction(L, lua_fd_is_open);
    lua_setglobal(L, "fd_is_open");
    lua_pushcfunction(L, lua_finished);
    lua_setglobal(L, "finished");
    script_finished = false;

    char path[] = "/tmp/emilua-test-io-XXXXXX.lua";
    int fd = mkstemps(path, 4);
    if (fd < 0 || write(fd, src, strlen(src)) != (ssize_t)strlen(src))
        abort();
    close(fd);
    int rc = vm_start_entry(fx->vm, path, "main");
    unlink(path);
    CHECK(rc == 0);
}

/* Checks that the script finished, closes the VM and checks that every
 * record was freed. */
static void finish(struct vm_fixture *fx, const char *name)
{
    if (!script_finished) {
        fprintf(stderr, "%s: the script did not finish\n", name);
        check_failures++;
    }
    vm_fixture_close(fx);
    if (live_records != 0) {
        fprintf(stderr, "%s: %d records not freed\n", name, live_records);
        check_failures++;
        live_records = 0;
    }
}

/* Runs src to its end.  With close_early, the VM is closed while the
 * loop still has work (fibers still waiting). */
static void run(const char *name, const char *src, bool close_early)
{
    struct vm_fixture fx;
    start(&fx, src);
    if (close_early) {
        for (int i = 0; i < 10; i++)
            uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);
    } else {
        uv_run(&fx.ctx.loop, UV_RUN_DEFAULT);
    }
    finish(&fx, name);
}

/* ---- the scripts ---------------------------------------------------------- */

static const char echo[] =
    "local a, b = testio.pair()\n"
    "expect(a:write_some('hello') == 5, 'write_some count')\n"
    "local buf = byte_span.new(16)\n"
    "local n = b:read_some(buf)\n"
    "expect(n == 5 and tostring(buf:sub(1, n)) == 'hello', 'read back')\n"
    "a:close() b:close()\n"
    "finished()\n";

/* A result ready at once still returns through the ready queue. */
static const char post[] =
    "local a, b = testio.pair()\n"
    "local ran = false\n"
    "spawn(function() ran = true end)\n"
    "a:write_some('x')\n"
    "expect(ran, 'post semantics: the other fiber ran first')\n"
    "finished()\n";

static const char wait_read[] =
    "local a, b = testio.pair()\n"
    "local got\n"
    "local r = spawn(function()\n"
    "    local buf = byte_span.new(8)\n"
    "    local n = b:read_some(buf)\n"
    "    got = tostring(buf:sub(1, n))\n"
    "end)\n"
    "this_fiber.yield()\n"
    "expect(got == nil, 'reader waits')\n"
    "a:write_some('ping')\n"
    "r:join()\n"
    "expect(got == 'ping', 'reader woken with the data')\n"
    "finished()\n";

/* Several readers wait in arrival order. */
static const char fifo[] =
    "local a, b = testio.pair()\n"
    "local order = {}\n"
    "local fs = {}\n"
    "for i = 1, 3 do\n"
    "    fs[i] = spawn(function()\n"
    "        local buf = byte_span.new(1)\n"
    "        b:read_some(buf)\n"
    "        order[#order + 1] = i .. tostring(buf)\n"
    "    end)\n"
    "end\n"
    "this_fiber.yield()\n"
    "a:write_some('xyz')\n"
    "for i = 1, 3 do fs[i]:join() end\n"
    "expect(table.concat(order, ',') == '1x,2y,3z', table.concat(order, ','))\n"
    "finished()\n";

/* fiber:cancel() of a waiting read: nothing consumed, object usable. */
static const char cancel_read[] =
    "local a, b = testio.pair()\n"
    "local r = spawn(function()\n"
    "    b:read_some(byte_span.new(8))\n"
    "end)\n"
    "this_fiber.yield()\n"
    "r:cancel()\n"
    "local ok, e = pcall(function() r:join() end)\n"
    "expect(r.cancellation_caught == true, 'reader was canceled')\n"
    "a:write_some('abc')\n"
    "local buf = byte_span.new(8)\n"
    "local n = b:read_some(buf)\n"
    "expect(tostring(buf:sub(1, n)) == 'abc', 'no byte consumed')\n"
    "finished()\n";

/* obj:cancel() and close() end pending ops with operation_aborted. */
static const char abort_ops[] =
    "local errc = require 'generic_error'\n"
    "local a, b = testio.pair()\n"
    "local errs = {}\n"
    "local function reader(i)\n"
    "    return spawn(function()\n"
    "        local ok, e = pcall(b.read_some, b, byte_span.new(8))\n"
    "        errs[i] = e\n"
    "    end)\n"
    "end\n"
    "local r1, r2 = reader(1), reader(2)\n"
    "this_fiber.yield()\n"
    "expect(b:cancel() == 2, 'cancel counts the ops')\n"
    "r1:join() r2:join()\n"
    "expect(errs[1]:togeneric() == errc.ECANCELED, 'aborted 1')\n"
    "expect(errs[2]:togeneric() == errc.ECANCELED, 'aborted 2')\n"
    "local r3 = reader(3)\n"
    "this_fiber.yield()\n"
    "b:close()\n"
    "r3:join()\n"
    "expect(errs[3]:togeneric() == errc.ECANCELED, 'aborted by close')\n"
    "b:close()\n"
    "local ok, e = pcall(b.read_some, b, byte_span.new(1))\n"
    "expect(not ok and e:togeneric() == errc.EBADF, 'closed: EBADF')\n"
    "finished()\n";

static const char eof[] =
    "local asio_error = require 'asio_error'\n"
    "local a, b = testio.pair()\n"
    "local r = spawn(function()\n"
    "    local ok, e = pcall(b.read_some, b, byte_span.new(8))\n"
    "    expect(not ok and e == asio_error.misc.eof, 'eof')\n"
    "end)\n"
    "this_fiber.yield()\n"
    "a:close()\n"
    "r:join()\n"
    "finished()\n";

/* Writes that fill the socket buffer wait for the reader. */
static const char big_write[] =
    "local a, b = testio.pair()\n"
    "local chunk = string.rep('w', 65536)\n"
    "local total = 4 * 1024 * 1024\n"
    "local w = spawn(function()\n"
    "    local sent = 0\n"
    "    while sent < total do\n"
    "        sent = sent + a:write_some(chunk:sub(1, total - sent))\n"
    "    end\n"
    "    a:close()\n"
    "end)\n"
    "local buf = byte_span.new(65536)\n"
    "local got = 0\n"
    "while true do\n"
    "    local ok, n = pcall(b.read_some, b, buf)\n"
    "    if not ok then break end\n"
    "    got = got + n\n"
    "end\n"
    "w:join()\n"
    "expect(got == total, 'every byte arrived')\n"
    "finished()\n";

/* release() hands the fd out; assign() adopts one. */
static const char release_assign[] =
    "local errc = require 'generic_error'\n"
    "local a, b = testio.pair()\n"
    "local fd = b:release()\n"
    "local ok, e = pcall(b.read_some, b, byte_span.new(1))\n"
    "expect(not ok and e:togeneric() == errc.EBADF, 'released: closed')\n"
    "expect(fd_is_open(fd), 'released fd stays open')\n"
    "local c = testio.new()\n"
    "c:assign(fd)\n"
    "local ok2 = pcall(c.assign, c, fd)\n"
    "expect(not ok2, 'assign on an open object fails')\n"
    "a:write_some('r')\n"
    "local buf = byte_span.new(1)\n"
    "expect(c:read_some(buf) == 1 and tostring(buf) == 'r', 'adopted')\n"
    "c:close()\n"
    "expect(not fd_is_open(fd), 'close closes the fd')\n"
    "finished()\n";

/* close before GC, GC before close. */
static const char gc[] =
    "local a, b = testio.pair()\n"
    "local fa, fb = a:fileno(), b:fileno()\n"
    "a:close()\n"
    "a, b = nil, nil\n"
    "collectgarbage() collectgarbage()\n"
    "expect(not fd_is_open(fa) and not fd_is_open(fb), 'GC closes')\n"
    /* GC after a wait left the poll handle open */
    "local c, d = testio.pair()\n"
    "local fc = c:fileno()\n"
    "local r = spawn(function() c:read_some(byte_span.new(1)) end)\n"
    "this_fiber.yield()\n"
    "d:write_some('z')\n"
    "r:join()\n"
    "c, d, r = nil, nil, nil\n"
    "collectgarbage() collectgarbage()\n"
    "expect(not fd_is_open(fc), 'GC closes a polled fd')\n"
    "finished()\n";

/* Regular files cannot be polled: a wait fails instead of hanging. */
static const char pipe_eof[] =
    "local r, w = testio.pipe_fds()\n"
    "local a, b = testio.new(), testio.new()\n"
    "a:assign(r) b:assign(w)\n"
    "local f = spawn(function()\n"
    "    local buf = byte_span.new(4)\n"
    "    expect(a:read_some(buf) == 3, 'pipe read')\n"
    "end)\n"
    "this_fiber.yield()\n"
    "b:write_some('abc')\n"
    "f:join()\n"
    "finished()\n";

/* The VM closes while fibers wait: cancellers run, nobody is resumed,
 * the fds close and the records are freed (ASan checks the rest). */
static const char vm_close_pending[] =
    "local a, b = testio.pair()\n"
    "spawn(function() b:read_some(byte_span.new(8)) end)\n"
    "spawn(function() a:read_some(byte_span.new(8)) end)\n"
    "spawn(function() b:read_some(byte_span.new(8)) end)\n"
    "finished()\n";

/* The poll stays armed after a wait (the next wait costs no epoll_ctl),
 * yet keeps neither the loop running nor, once an event comes with
 * nobody waiting, the loop spinning: that direction is dropped. */
static const char armed[] =
    "local a, b = testio.pair()\n"
    "testio.keep(a, b)\n"
    "local r = spawn(function() b:read_some(byte_span.new(8)) end)\n"
    "this_fiber.yield()\n"
    "a:write_some('1')\n"
    "r:join()\n"
    "finished()\n";

static void idle_nop(uv_idle_t *h)
{
    (void)h;
}

static void armed_poll(void)
{
    struct vm_fixture fx;
    start(&fx, armed);
    /* returns only if the armed poll does not hold the loop */
    uv_run(&fx.ctx.loop, UV_RUN_DEFAULT);
    emilua_io *a = kept[0], *b = kept[1];
    CHECK(b->poll && b->events == UV_READABLE);
    CHECK(!uv_loop_alive(&fx.ctx.loop));
    /* data with nobody waiting: one callback, then b is not watched.  An
     * idle handle keeps the loop alive, so that it polls at all. */
    uv_idle_t idle;
    uv_idle_init(&fx.ctx.loop, &idle);
    uv_idle_start(&idle, idle_nop);
    CHECK(write(a->fd, "2", 1) == 1);
    uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);
    CHECK(b->events == 0);
    uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);
    CHECK(b->events == 0 && a->events == 0);
    uv_close((uv_handle_t *)&idle, NULL);
    finish(&fx, "armed");
}

int main(void)
{
    run("echo", echo, false);
    run("post", post, false);
    run("wait_read", wait_read, false);
    run("fifo", fifo, false);
    run("cancel_read", cancel_read, false);
    run("abort_ops", abort_ops, false);
    run("eof", eof, false);
    run("big_write", big_write, false);
    run("release_assign", release_assign, false);
    run("gc", gc, false);
    run("pipe_eof", pipe_eof, false);
    run("vm_close_pending", vm_close_pending, true);
    armed_poll();
    return check_failures != 0;
}
