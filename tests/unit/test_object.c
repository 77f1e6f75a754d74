/* The waiter queue (include/emilua/waitq.h) and the object life cycle
 * (src/core/object.c): FIFO order and O(1) unlink; a record freed only
 * once both the userdata and its handles are gone, whichever goes first;
 * pending waits at VM close released without resuming anybody. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <emilua/object.h>

#include "check.h"
#include "vm_fixture.h"

/* ---- the queue ------------------------------------------------------------ */

static void test_waitq(void)
{
    struct emilua_waitq q = {0};
    struct emilua_waiter w[4] = {{0}};
    emilua_fiber *fake = (emilua_fiber *)&q;   /* never dereferenced */
    CHECK(emilua_waitq_empty(&q));
    for (int i = 0; i < 4; i++)
        emilua_waitq_push(&q, &w[i], fake);
    emilua_waitq_unlink(&w[1]);         /* middle */
    emilua_waitq_unlink(&w[1]);         /* twice: a no-op */
    emilua_waitq_unlink(&w[3]);         /* tail */
    CHECK(!emilua_waiter_linked(&w[1]) && emilua_waiter_linked(&w[2]));
    CHECK(emilua_waitq_pop(&q) == &w[0]);
    emilua_waitq_push(&q, &w[1], fake);    /* back of the queue again */
    CHECK(emilua_waitq_pop(&q) == &w[2]);
    CHECK(emilua_waitq_pop(&q) == &w[1]);
    CHECK(emilua_waitq_pop(&q) == NULL && emilua_waitq_empty(&q));
    CHECK(q.tail == NULL);
}

/* ---- an object with a handle and a queue --------------------------------- */

struct thing {
    emilua_object obj;
    uv_timer_t timer;
    struct emilua_waitq waits;
};

static int live, closes, released;

static void release_waiter(struct emilua_waiter *w)
{
    released++;
    free(w);
}

static void thing_close(emilua_object *o)
{
    struct thing *t = (struct thing *)o;
    closes++;
    emilua_object_end_waits(o, &t->waits, EMILUA_ABORTED, release_waiter);
    emilua_object_close_handle((uv_handle_t *)&t->timer);
}

static void thing_finalize(emilua_object *o)
{
    live--;
}

static const emilua_object_ops thing_ops = {
    thing_close, NULL, thing_finalize,
};

static const emilua_udata_type thing_type;

static int thing_new(lua_State *L)
{
    struct thing *t = emilua_object_new(L, &thing_type, sizeof *t,
                                        &thing_ops);
    if (uv_timer_init(emilua_vm_loop(emilua_vm_of(L)), &t->timer) != 0)
        abort();
    emilua_object_add_handle(&t->obj, (uv_handle_t *)&t->timer);
    live++;
    return 1;
}

static int thing_closem(lua_State *L)
{
    emilua_object_close(emilua_object_check(L, 1, &thing_type));
    return 0;
}

static const emilua_reg thing_methods[] = {
    {"close", thing_closem, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg thing_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type thing_type = {
    "test.thing", thing_methods, thing_meta, NULL,
};

static void dostring(lua_State *L, const char *src)
{
    if (luaL_loadstring(L, src) != 0 || lua_pcall(L, 0, 0, 0) != 0) {
        fprintf(stderr, "lua: %s\n", lua_tostring(L, -1));
        check_failures++;
        lua_pop(L, 1);
    }
}

static void open_fixture(struct vm_fixture *fx)
{
    vm_fixture_open(fx);
    lua_pushcfunction(fx->vm->L, thing_new);
    lua_setglobal(fx->vm->L, "new_thing");
}

static void test_close_before_gc(void)
{
    struct vm_fixture fx;
    open_fixture(&fx);
    lua_State *L = fx.vm->L;
    dostring(L, "local t = new_thing() t:close() t:close() t = nil");
    CHECK(closes == 1);
    uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);    /* the handle closes */
    CHECK(live == 1);                       /* the userdata still holds it */
    dostring(L, "collectgarbage() collectgarbage()");
    CHECK(live == 0 && closes == 1);        /* close ran once */
    vm_fixture_close(&fx);
    closes = 0;
}

static void test_gc_before_close(void)
{
    struct vm_fixture fx;
    open_fixture(&fx);
    lua_State *L = fx.vm->L;
    dostring(L, "new_thing() collectgarbage() collectgarbage()");
    CHECK(closes == 1);
    CHECK(live == 1);                       /* libuv still closing */
    uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);
    CHECK(live == 0);
    vm_fixture_close(&fx);
    closes = 0;
}

/* Waits still queued when the VM closes: released, nobody resumed (the
 * fibers are fakes that would crash if touched). */
static void test_gc_with_pending_at_vm_close(void)
{
    struct vm_fixture fx;
    open_fixture(&fx);
    lua_State *L = fx.vm->L;
    dostring(L, "keep = new_thing()");
    lua_getglobal(L, "keep");
    struct thing *t = emilua_object_test(L, -1, &thing_type);
    lua_pop(L, 1);
    CHECK(t != NULL);
    for (int i = 0; i < 3; i++) {
        struct emilua_waiter *w = calloc(1, sizeof *w);
        emilua_waitq_push(&t->waits, w, (emilua_fiber *)(uintptr_t)0x10);
    }
    vm_fixture_close(&fx);
    CHECK(released == 3);
    CHECK(live == 0);
    closes = released = 0;
}

/* Real fibers waiting on timers, a signal set and sleeps when the VM
 * closes: cancellers run, then the objects close and free (ASan). */
static void test_vm_close_with_waiting_fibers(void)
{
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    lua_State *L = fx.vm->L;
    char path[] = "/tmp/emilua-test-object-XXXXXX.lua";
    static const char src[] =
        "local time = require 'time'\n"
        "local t = time.steady_timer.new()\n"
        "t:expires_after(3600)\n"
        "spawn(function() t:wait() end)\n"
        "spawn(function() t:wait() end)\n"
        "spawn(function() time.sleep(3600) end)\n"
        "local s = require('system').signal.set.new(10)\n"
        "spawn(function() s:wait() end)\n";
    int fd = mkstemps(path, 4);
    if (fd < 0 || write(fd, src, sizeof src - 1) != (ssize_t)sizeof src - 1)
        abort();
    close(fd);
    CHECK(vm_start_entry(fx.vm, path, "main") == 0);
    unlink(path);
    for (int i = 0; i < 5; i++)
        uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);
    (void)L;
    vm_fixture_close(&fx);
}

int main(void)
{
    test_waitq();
    test_close_before_gc();
    test_gc_before_close();
    test_gc_with_pending_at_vm_close();
    test_vm_close_with_waiting_fibers();
    return check_failures != 0;
}
