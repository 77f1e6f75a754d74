/* Fibers: spawn(), fiber handles (join, detach, cancel) and their
 * life cycle.  A fiber struct lives until it has finished and nobody can
 * ask about it any more (no handle, no joiner); its Lua thread is kept
 * anchored while it runs or while its results wait for a join. */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

struct handle {
    emilua_fiber *f;
};

static int handle_join(lua_State *L);
static int handle_detach(lua_State *L);
static int handle_cancel(lua_State *L);
static int handle_index(lua_State *L);
static int handle_gc(lua_State *L);
static int handle_tostring(lua_State *L);

static const emilua_reg handle_methods[] = {
    {"join", handle_join, EMILUA_SUSPENDS},
    {"detach", handle_detach, 0},
    {"cancel", handle_cancel, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg handle_meta[] = {
    {"__gc", handle_gc},
    {"__tostring", handle_tostring},
    {NULL, NULL},
};

static const emilua_udata_type fiber_type = {
    "fiber", handle_methods, handle_meta, handle_index,
};

/* ---- life cycle ------------------------------------------------------- */

emilua_fiber *fiber_new(lua_State *L, int fn_idx)
{
    emilua_vm *vm = emilua_vm_of(L);
    emilua_fiber *f = calloc(1, sizeof *f);
    if (!f)
        luaL_error(L, "spawn: out of memory");
    lua_State *co = lua_newthread(L);
    f->co_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    f->co = co;
    f->vm = vm;
    f->local_ref = LUA_NOREF;
    f->joinable = 1;

    f->ended_ref = LUA_NOREF;
    lua_pushvalue(L, fn_idx);
    lua_xmove(L, co, 1);
    f->resume_nargs = 0;

    f->next_all = vm->all_fibers;
    if (vm->all_fibers)
        vm->all_fibers->prev_all = f;
    vm->all_fibers = f;
    vm->live_fibers++;

    scheduler_enqueue(vm, f);
    return f;
}

/* Drops the Lua thread (and with it the results). */
static void release_thread(emilua_fiber *f)
{
    lua_State *L = f->vm->L;
    luaL_unref(L, LUA_REGISTRYINDEX, f->co_ref);
    luaL_unref(L, LUA_REGISTRYINDEX, f->ended_ref);
    luaL_unref(L, LUA_REGISTRYINDEX, f->local_ref);
    f->co_ref = LUA_NOREF;
    f->ended_ref = LUA_NOREF;
    f->local_ref = LUA_NOREF;
    f->co = NULL;
}

/* Takes f off its VM's list of fibers. */
void fiber_unlink(emilua_fiber *f)
{
    emilua_vm *vm = f->vm;
    if (f->prev_all)
        f->prev_all->next_all = f->next_all;
    else
        vm->all_fibers = f->next_all;
    if (f->next_all)
        f->next_all->prev_all = f->prev_all;
}

void fiber_free(emilua_fiber *f)
{
    /* a fiber in the ready queue is never freed */
    assert(f->state != FIBER_READY);
    if (!f->zombie)   /* a zombie was unlinked when its VM closed */
        fiber_unlink(f);
    free(f);
}

/* Frees f once it is finished and nothing refers to it any more. */
void fiber_release(emilua_fiber *f)
{
    if (f->state == FIBER_FINISHED && !f->has_handle && !f->joinable)
        fiber_free(f);
}

static bool failed_uncaught(emilua_fiber *f)
{
    return f->failed && !f->cancellation_caught && !f->reported;
}

/* The handle gave up its right to join: report a pending failure. */
static void give_up_join(lua_State *L, emilua_fiber *f)
{
    f->joinable = 0;
    bool ended = f->state == FIBER_FINISHED || f->ended_co;
    if (ended && failed_uncaught(f)) {   /* its root handlers may still run */
        report_uncaught(L, f);
        f->reported = 1;
    }
    if (f->state == FIBER_FINISHED)
        release_thread(f);
}

void fiber_report_pending_errors(emilua_vm *vm)
{
    for (emilua_fiber *f = vm->all_fibers; f; f = f->next_all) {
        if (f->state == FIBER_FINISHED && f->joinable && failed_uncaught(f)) {
            report_uncaught(vm->L, f);
            f->reported = 1;
        }
    }
}

/* Moves f's results (or error) onto `to`, as a suspending function
 * returns them: (nil, results...) or (error).  Returns the count.  The
 * ended thread holds exactly the results, or the error on top. */
static int push_join_results(emilua_fiber *f, lua_State *to)
{
    lua_State *co = f->co;
    if (!f->failed) {
        int n = lua_gettop(co);
        lua_checkstack(to, n + 1);
        lua_pushnil(to);
        lua_xmove(co, to, n);
        return n + 1;
    }
    if (f->cancellation_caught) {   /* join() returns on a canceled fiber */
        lua_pushnil(to);
        return 1;
    }
    lua_xmove(co, to, 1);
    return 1;
}

static void wake_joiner(emilua_fiber *f)
{
    emilua_fiber *j = f->joiner;
    f->joiner = NULL;
    f->joinable = 0;
    f->joined = 1;
    lua_State *to = scheduler_take_fiber(j);   /* never NULL: same VM */
    scheduler_hand_over(j, push_join_results(f, to));
    release_thread(f);
}

/* The fiber is done, handlers included: hand its outcome over. */
static void fiber_finished(emilua_fiber *f)
{
    emilua_vm *vm = f->vm;
    f->state = FIBER_FINISHED;
    f->canceller = NULL;
    vm->live_fibers--;
    f->module = NULL;
    if (f->is_main)
        mailbox_main_fiber_done(vm);
    if (f->is_main && f->failed && !f->cancellation_caught) {
        /* a worker's failure ends that VM only */
        if (vm->is_master)
            vm->ctx->process->exit_code = 1;
        vm_terminate(vm);
    }
    if (f->joiner)
        wake_joiner(f);
    else if (!f->joinable)
        release_thread(f);
    fiber_release(f);
}

/* Runs the root scope's handlers on a thread of their own, as the same
 * fiber, keeping the ended thread (and its results) aside. */
static void start_finisher(emilua_fiber *f)
{
    emilua_vm *vm = f->vm;
    lua_State *L = vm->L;
    lua_State *fin = lua_newthread(L);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_rawgeti(L, LUA_REGISTRYINDEX, vm->ref.finisher);
    lua_rawgeti(L, LUA_REGISTRYINDEX, f->co_ref);
    lua_xmove(L, fin, 2);
    f->ended_co = f->co;
    f->ended_ref = f->co_ref;
    f->co = fin;
    f->co_ref = ref;
    f->resume_nargs = 1;
    scheduler_push_front(vm, f);   /* the fiber has not ended yet */
}

static void finisher_done(emilua_fiber *f, int status)
{
    emilua_vm *vm = f->vm;
    luaL_unref(vm->L, LUA_REGISTRYINDEX, f->co_ref);
    f->co = f->ended_co;
    f->co_ref = f->ended_ref;
    f->ended_co = NULL;
    f->ended_ref = LUA_NOREF;
    if (status != 0) {   /* only when memory ran out */
        report_error_line(vm->ctx->process,
                          "VM %p terminated: cleanup handlers failed",
                          vm->id);
        vm_terminate(vm);
    }
}

void fiber_ended(emilua_fiber *f, int status)
{
    if (f->ended_co) {
        finisher_done(f, status);
        fiber_finished(f);
        return;
    }
    f->failed = status != 0;
    if (f->failed)
        f->cancellation_caught = emilua_is_error(
            f->co, -1, &emilua_runtime_category, EMILUA_ERRC_FIBER_CANCELED);
    /* The uncaught-error hook runs before the dead fiber's handlers. */
    bool detached = !f->joinable;
    if (f->failed && !f->cancellation_caught && (f->is_main || detached)) {
        report_uncaught(f->vm->L, f);
        f->reported = 1;
    }
    if (f->has_root_cleanup)
        start_finisher(f);
    else
        fiber_finished(f);
}

void fiber_cancel(emilua_fiber *f)
{
    f->canceled = 1;
    if (f->state == FIBER_SUSPENDED && f->canceller &&
        f->disable_cancellation == 0) {
        emilua_canceller c = f->canceller;
        void *data = f->canceller_data;
        f->canceller = NULL;
        f->canceller_data = NULL;
        c(f, data);
    }
}

/* ---- spawn and handles ------------------------------------------------ */

static int spawn(lua_State *L)
{
    emilua_check_type(L, 1, LUA_TFUNCTION, NULL);
    emilua_fiber *f = fiber_new(L, 1);
    struct handle *h = emilua_new_udata(L, &fiber_type, sizeof *h);
    h->f = f;
    f->has_handle = 1;
    return 1;
}

/* State errors are those of the pthread analogues (pthread_join,
 * pthread_detach): EINVAL when the fiber is not joinable. */
static emilua_fiber *joinable_fiber(lua_State *L)
{
    struct handle *h = emilua_check_udata(L, 1, &fiber_type);
    if (!h->f || !h->f->joinable)
        emilua_raise_error(L, &emilua_generic_category, EINVAL);
    return h->f;
}

static void join_canceller(emilua_fiber *me, void *data)
{
    emilua_fiber *target = data;
    target->joiner = NULL;
    emilua_resume_canceled(me);
}

static int handle_join(lua_State *L)
{
    emilua_fiber *f = joinable_fiber(L);
    emilua_vm *vm = emilua_vm_of(L);
    if (f == vm->current)
        return emilua_raise_error(L, &emilua_generic_category, EDEADLK);
    if (f->joiner)
        return emilua_raise_error(L, &emilua_generic_category, EINVAL);
    emilua_fiber *me = emilua_begin_suspend(L);
    if (f->state == FIBER_FINISHED) {
        f->joinable = 0;
        f->joined = 1;
        int n = push_join_results(f, L);
        release_thread(f);
        return n;
    }
    f->joiner = me;
    return emilua_suspend(L, me, join_canceller, f);
}

static int handle_detach(lua_State *L)
{
    give_up_join(L, joinable_fiber(L));
    return 0;
}

static int handle_cancel(lua_State *L)
{
    struct handle *h = emilua_check_udata(L, 1, &fiber_type);
    emilua_fiber *f = h->f;
    if (f && f->joinable && f->state != FIBER_FINISHED)
        fiber_cancel(f);
    return 0;
}

static int handle_index(lua_State *L)
{
    struct handle *h = emilua_check_udata(L, 1, &fiber_type);
    const char *key = lua_tostring(L, 2);
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    if (key && strcmp(key, "joinable") == 0) {
        lua_pushboolean(L, h->f && h->f->joinable);
        return 1;
    }
    if (key && strcmp(key, "cancellation_caught") == 0) {
        /* like PTHREAD_CANCELED, known only once joined */
        if (!h->f || !h->f->joined)
            return emilua_raise_error(L, &emilua_generic_category, EINVAL);
        lua_pushboolean(L, h->f->cancellation_caught);
        return 1;
    }
    return luaL_error(L, "fiber: no field '%s'", key ? key : "?");
}

static int handle_gc(lua_State *L)
{
    struct handle *h = lua_touserdata(L, 1);
    emilua_fiber *f = h->f;
    if (!f || emilua_vm_of(L)->closed)   /* vm_close() frees fibers */
        return 0;
    h->f = NULL;
    f->has_handle = 0;
    if (f->joinable)
        give_up_join(L, f);
    fiber_release(f);
    return 0;
}

static int handle_tostring(lua_State *L)
{
    struct handle *h = emilua_check_udata(L, 1, &fiber_type);
    lua_pushfstring(L, "fiber: %p", (void *)h->f);
    return 1;
}

int open_fiber_api(lua_State *L)
{
    emilua_name_func(L, spawn, NULL, NULL, "spawn");
    lua_pushcfunction(L, spawn);
    lua_setglobal(L, "spawn");
    return 0;
}
