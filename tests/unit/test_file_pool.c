/* The file module's pool path: a read of a file that refuses RWF_NOWAIT
 * and is not pollable (a /proc file) goes to the libuv thread pool.  C
 * fills every pool thread with work that waits on a semaphore, so the
 * read stays queued; fiber:cancel(), cancel() and close() must then take
 * it back, and it has not happened: the file position has not moved.  A
 * Lua program cannot fill the pool itself any more (FIFOs no longer use
 * it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "vm_fixture.h"

enum { MAX_BLOCKERS = 128 };

static uv_sem_t gate;
static int n_blockers;
static bool script_finished;

static void block(uv_work_t *w)
{
    (void)w;
    uv_sem_wait(&gate);
}

/* Each batch gets its own requests: a request of the previous batch may
 * still wait for its done callback when the next batch is queued. */
static void blocked_done(uv_work_t *w, int status)
{
    (void)status;
    free(w);
}

/* fill_pool(): every pool thread waits on the gate */
static int lua_fill_pool(lua_State *L)
{
    const char *s = getenv("UV_THREADPOOL_SIZE");
    n_blockers = s ? atoi(s) : 4;
    if (n_blockers < 1 || n_blockers > MAX_BLOCKERS)
        abort();
    for (int i = 0; i < n_blockers; i++) {
        uv_work_t *w = malloc(sizeof *w);
        if (!w || uv_queue_work(emilua_vm_loop(emilua_vm_of(L)), w, block,
                                blocked_done) != 0)
            abort();
    }
    return 0;
}

static int lua_release_pool(lua_State *L)
{
    (void)L;
    for (int i = 0; i < n_blockers; i++)
        uv_sem_post(&gate);
    return 0;
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
    (void)L;
    script_finished = true;
    return 0;
}

static const char script[] =
    "local file = require 'file'\n"
    "local asio_error = require 'asio_error'\n"
    "local fs = require 'filesystem'\n"
    "local path = fs.path.new('/proc/self/comm')\n"
    "local function content(f)\n"
    "    local buf = byte_span.new(64)\n"
    "    return tostring(buf:sub(1, f:read_some(buf)))\n"
    "end\n"
    "local g = file.stream.new()\n"
    "g:open(path, {'read_only'})\n"
    "local whole = content(g)\n"
    "g:close()\n"
    "local f = file.stream.new()\n"
    "f:open(path, {'read_only'})\n"
    "fill_pool()\n"
    "local r = spawn(function()\n"
    "    local ok, e = pcall(f.read_some, f, byte_span.new(64))\n"
    "    expect(not ok and tostring(e) == 'Fiber canceled', 'fiber:cancel()')\n"
    "end)\n"
    "this_fiber.yield()\n"
    "r:cancel() r:join()\n"
    "local function aborted(how)\n"
    "    local a = spawn(function()\n"
    "        local ok, e = pcall(f.read_some, f, byte_span.new(64))\n"
    "        expect(not ok and e == asio_error.basic.operation_aborted, how)\n"
    "    end)\n"
    "    this_fiber.yield()\n"
    "    f[how](f)\n"
    "    a:join()\n"
    "end\n"
    "aborted('cancel')\n"
    "release_pool()\n"
    /* had a canceled read run, the position would have moved */
    "expect(content(f) == whole, 'the canceled reads did not happen')\n"
    "fill_pool()\n"
    "f:seek(0, 'set')\n"
    "aborted('close')\n"
    "release_pool()\n"
    "finished()\n";

int main(void)
{
    if (uv_sem_init(&gate, 0) != 0)
        abort();
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    lua_State *L = fx.vm->L;
    lua_pushcfunction(L, lua_fill_pool);
    lua_setglobal(L, "fill_pool");
    lua_pushcfunction(L, lua_release_pool);
    lua_setglobal(L, "release_pool");
    lua_pushcfunction(L, lua_expect);
    lua_setglobal(L, "expect");
    lua_pushcfunction(L, lua_finished);
    lua_setglobal(L, "finished");

    char path[] = "/tmp/emilua-test-file-pool-XXXXXX.lua";
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
    uv_sem_destroy(&gate);
    return check_failures;
}
