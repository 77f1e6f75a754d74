/* The ready queue and the suspend/resume protocol between operations and
 * fibers.  Fibers only ever run from scheduler_drain(), which is started
 * from the loop (an idle handle), so resuming a fiber is safe from any
 * callback and never re-enters Lua. */
#include <assert.h>
#include <errno.h>

#include "core.h"

/* The value a native suspension yields; the coroutine shim recognises it. */
char emilua_native_mark;
/* What a fiber's own coroutine gets back when it tries coroutine.yield(). */
char emilua_bad_yield_mark;

uv_loop_t *emilua_vm_loop(emilua_vm *vm) { return &vm->ctx->loop; }
emilua_process *emilua_vm_process(emilua_vm *vm) { return vm->ctx->process; }
bool emilua_vm_is_master(emilua_vm *vm) { return vm->is_master; }
emilua_fiber *emilua_current_fiber(emilua_vm *vm) { return vm->current; }
emilua_vm *emilua_fiber_vm(emilua_fiber *f) { return f->vm; }

/* Has the VM's thread call scheduler_drain() soon, after the VMs of the
 * thread that were ready before it. */
void scheduler_wake(emilua_vm *vm)
{
    context_wake_vm(vm);
}

void scheduler_enqueue(emilua_vm *vm, emilua_fiber *f)
{
    f->state = FIBER_READY;
    f->next_ready = NULL;
    if (vm->ready_tail)
        vm->ready_tail->next_ready = f;
    else
        vm->ready_head = f;
    vm->ready_tail = f;
    if (!vm->running)
        scheduler_wake(vm);
}

/* For a fiber that must go on before anything else runs. */
void scheduler_push_front(emilua_vm *vm, emilua_fiber *f)
{
    f->state = FIBER_READY;
    f->next_ready = vm->ready_head;
    vm->ready_head = f;
    if (!vm->ready_tail)
        vm->ready_tail = f;
    if (!vm->running)
        scheduler_wake(vm);
}

static emilua_fiber *dequeue(emilua_vm *vm)
{
    emilua_fiber *f = vm->ready_head;
    if (f) {
        vm->ready_head = f->next_ready;
        if (!vm->ready_head)
            vm->ready_tail = NULL;
        f->blocked = NULL;   /* until its next suspension names one */
    }
    return f;
}

static void run_fiber(emilua_vm *vm, emilua_fiber *f)
{
    lua_State *co = f->co;
    int nargs = f->resume_nargs;
    f->resume_nargs = 0;
    f->state = FIBER_RUNNING;
    vm->current = f;
    vm->post_complete = NULL;
    int status = lua_resume(co, nargs);
    vm->current = NULL;

    if (status == LUA_YIELD) {
        int n = lua_gettop(co);
        bool native = n == 1 &&
            lua_touserdata(co, 1) == &emilua_native_mark;
        lua_settop(co, 0);
        if (native && vm->post_complete) {
            void (*complete)(emilua_fiber *, void *) = vm->post_complete;
            vm->post_complete = NULL;
            complete(f, vm->post_data);
            assert(f->state == FIBER_READY);   /* it resumed f */
        } else if (!native && !vm->terminating) {
            /* coroutine.yield() on the fiber's own coroutine: hand the
             * shim a mark so it raises inside the fiber. */
            lua_pushlightuserdata(co, &emilua_bad_yield_mark);
            f->resume_nargs = 1;
            scheduler_enqueue(vm, f);
        }
        return;
    }
    fiber_ended(f, status);
}

/* Runs the fibers that are ready, round after round while no other VM of
 * the thread waits for its turn.  A VM whose fibers have all finished can
 * never run Lua again and closes. */
void scheduler_drain(emilua_vm *vm)
{
    if (vm->running || vm->closed)
        return;
    vm->running = true;
    for (;;) {
        emilua_fiber *last = vm->ready_tail, *f;
        while (!vm->terminating && (f = dequeue(vm))) {
            bool end_of_round = f == last;
            run_fiber(vm, f);
            if (end_of_round)
                break;
        }
        if (vm->terminating || !vm->ready_head ||
            context_has_other_ready(vm->ctx))
            break;
    }
    vm->running = false;
    if (vm->live_fibers == 0 && !vm->stay_open)
        vm->terminating = true;
    if (vm->terminating)
        vm_close(vm);
    else if (vm->ready_head)
        scheduler_wake(vm);
}

/* ---- suspending ------------------------------------------------------- */

static emilua_fiber *check_can_suspend(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    emilua_fiber *f = vm->current;
    if (!f)
        emilua_raise_error(L, &emilua_runtime_category, EMILUA_ERRC_NO_FIBER);
    if (f->forbid_suspend > 0)
        emilua_raise_error(L, &emilua_runtime_category,
                           EMILUA_ERRC_SUSPENSION_FORBIDDEN);
    /* An error handler, a metamethod called from C, a table.sort
     * comparator...: lua_yield() would fail after the operation started
     * and the fiber would be resumed while it runs (or after it ended). */
    if (f->unyieldable || !lua_isyieldable(L))
        luaL_error(L, "attempt to yield across C-call boundary");
    return f;
}

emilua_fiber *emilua_suspendable_fiber(lua_State *L)
{
    emilua_fiber *f = emilua_vm_of(L)->current;
    if (!f || f->forbid_suspend > 0 || f->unyieldable || !lua_isyieldable(L))
        return NULL;
    return f;
}

emilua_fiber *emilua_begin_suspend_uncancellable(lua_State *L)
{
    return check_can_suspend(L);
}

emilua_fiber *emilua_begin_suspend(lua_State *L)
{
    emilua_fiber *f = check_can_suspend(L);
    if (f->canceled && f->disable_cancellation == 0)
        emilua_raise_error(L, &emilua_runtime_category,
                           EMILUA_ERRC_FIBER_CANCELED);
    return f;
}

/* Every suspension sets all the fields, so a completion left behind by a
 * yield that failed (across a C call boundary) is never called later. */
static int suspend(lua_State *L, emilua_fiber *f, emilua_canceller canceller,
                   void *data, void (*complete)(emilua_fiber *, void *),
                   void *complete_data)
{
    assert(f->state == FIBER_RUNNING && f == f->vm->current);
    f->canceller = canceller;
    f->canceller_data = data;
    f->vm->post_complete = complete;
    f->vm->post_data = complete_data;
    f->state = FIBER_SUSPENDED;
    lua_pushlightuserdata(L, &emilua_native_mark);
    return lua_yield(L, 1);
}

int emilua_suspend(lua_State *L, emilua_fiber *f, emilua_canceller canceller,
                   void *data)
{
    return suspend(L, f, canceller, data, NULL, NULL);
}

void emilua_set_canceller_data(emilua_fiber *f, void *data)
{
    f->canceller_data = data;
}

int emilua_suspend_post(lua_State *L, emilua_fiber *f,
                        void (*complete)(emilua_fiber *f, void *data),
                        void *data)
{
    return suspend(L, f, NULL, NULL, complete, data);
}

/* ---- resuming --------------------------------------------------------- */

/* Ends the suspension: the canceller is spent.  NULL when the VM is gone
 * (the fiber is then freed), else the stack to push the values on. */
static bool end_suspension(emilua_fiber *f)
{
    /* exactly one resume per suspension */
    assert(f->state == FIBER_SUSPENDED);
    f->canceller = NULL;
    f->canceller_data = NULL;
    if (f->zombie) {
        fiber_free(f);
        return false;
    }
    return true;
}

lua_State *scheduler_take_fiber(emilua_fiber *f)
{
    if (!end_suspension(f))
        return NULL;
    lua_checkstack(f->co, LUA_MINSTACK);
    return f->co;
}

void scheduler_hand_over(emilua_fiber *f, int nargs)
{
    f->resume_nargs = nargs;
    scheduler_enqueue(f->vm, f);
}

/* Successful resumes start with a nil (no error) for the wrapper. */
lua_State *emilua_resume_begin(emilua_fiber *f)
{
    lua_State *co = scheduler_take_fiber(f);
    if (co)
        lua_pushnil(co);
    return co;
}

void emilua_resume_end(emilua_fiber *f, int n)
{
    scheduler_hand_over(f, n + 1);
}

void emilua_resume_nothing(emilua_fiber *f)
{
    if (emilua_resume_begin(f))
        emilua_resume_end(f, 0);
}

void emilua_resume_void(emilua_fiber *f)
{
    if (end_suspension(f))     /* no value: no stack to check */
        scheduler_hand_over(f, 0);
}

void emilua_resume_error(emilua_fiber *f, const emilua_error_category *cat,
                         int code)
{
    lua_State *co = scheduler_take_fiber(f);
    if (!co)
        return;
    emilua_push_error(co, cat, code);
    scheduler_hand_over(f, 1);
}

void emilua_resume_errno(emilua_fiber *f, int err)
{
    emilua_resume_error(f, &emilua_system_category, err);
}

void emilua_resume_status(emilua_fiber *f, int status)
{
    lua_State *co = scheduler_take_fiber(f);
    if (!co)
        return;
    if (status < 0) {
        emilua_push_status(co, status);
        scheduler_hand_over(f, 1);
        return;
    }
    lua_pushnil(co);
    if (status == 0) {
        scheduler_hand_over(f, 1);
        return;
    }
    lua_pushinteger(co, status);
    scheduler_hand_over(f, 2);
}

void emilua_resume_canceled(emilua_fiber *f)
{
    emilua_resume_error(f, &emilua_runtime_category,
                        EMILUA_ERRC_FIBER_CANCELED);
}

void emilua_resume_error_from(emilua_fiber *f, lua_State *from)
{
    lua_State *co = scheduler_take_fiber(f);
    if (!co) {
        lua_pop(from, 1);
        return;
    }
    lua_xmove(from, co, 1);
    scheduler_hand_over(f, 1);
}

void emilua_set_blocked(emilua_fiber *f, const struct emilua_blocked *b)
{
    f->blocked = b;
}

void emilua_fiber_post(emilua_fiber *f)
{
    scheduler_hand_over(f, 0);
}
