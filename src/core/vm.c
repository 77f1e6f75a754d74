/* A VM: one lua_State with its ready queue, living on one context. */
#include <stdio.h>
#include <stdlib.h>

#include <lualib.h>
#include <luajit.h>

#include "core.h"

int open_this_fiber(lua_State *L);

static int panic(lua_State *L)
{
    fprintf(stderr, "emilua: unprotected error in the Lua VM: %s\n",
            lua_tostring(L, -1) ? lua_tostring(L, -1) : "(no message)");
    abort();
}

static void open_lib(lua_State *L, lua_CFunction open, const char *name)
{
    lua_pushcfunction(L, open);
    lua_pushstring(L, name);
    lua_call(L, 1, 0);
}

/* The JIT limits Emilua uses (OpenResty's findings) instead of LuaJIT's. */
static void tune_jit(lua_State *L)
{
    static const char *const params[] = {
        "maxtrace=8000", "maxrecord=16000", "maxmcode=40960",
    };
    lua_getglobal(L, "jit");
    lua_getfield(L, -1, "opt");
    lua_getfield(L, -1, "start");
    for (size_t i = 0; i < sizeof params / sizeof *params; i++)
        lua_pushstring(L, params[i]);
    lua_call(L, 3, 0);
    lua_pop(L, 2);
}

static int setup(lua_State *L)
{
    open_lib(L, luaopen_base, "");
    open_lib(L, luaopen_string, LUA_STRLIBNAME);
    open_lib(L, luaopen_table, LUA_TABLIBNAME);
    open_lib(L, luaopen_math, LUA_MATHLIBNAME);
    open_lib(L, luaopen_bit, LUA_BITLIBNAME);
    open_lib(L, luaopen_jit, LUA_JITLIBNAME);
    tune_jit(L);

    open_errors(L);
    open_print(L);
    install_lua_runtime(L);
    open_fiber_api(L);
    open_this_fiber(L);
    open_require(L);
    open_actor_api(L);
    for (const emilua_builtin_module *g = emilua_global_modules; g->name;
         g++) {
        lua_pushcfunction(L, g->open);
        lua_call(L, 0, 1);
        lua_setglobal(L, g->name);
    }
    return 0;
}

#ifdef EMILUA_HAVE_LUA_EXDATA
static lua_State *new_state(emilua_vm *vm)
{
    lua_State *L = luaL_newstate();
    if (L)
        lua_setexdata(L, vm);
    return L;
}

static void close_state(emilua_vm *vm)
{
    lua_close(vm->L);
}
#else
/* Plain LuaJIT keeps no pointer for the embedder, but the userdata of a
 * state's allocator is one per VM and reachable in O(1) from any of its
 * threads: it carries the VM.  The memory still comes from LuaJIT's own
 * allocator, which a small donor state lends: LuaJIT frees an arena only
 * with the state that created it, so the donor is closed last. */
static void *vm_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    emilua_vm *vm = ud;
    return vm->arena_alloc(vm->arena_ud, ptr, osize, nsize);
}

static lua_State *new_state(emilua_vm *vm)
{
    vm->arena = luaL_newstate();
    if (!vm->arena)
        return NULL;
    vm->arena_alloc = lua_getallocf(vm->arena, &vm->arena_ud);
    lua_State *L = lua_newstate(vm_alloc, vm);  /* NULL without LJ_GC64 */
    if (!L)
        lua_close(vm->arena);
    return L;
}

static void close_state(emilua_vm *vm)
{
    lua_close(vm->L);
    lua_close(vm->arena);
}
#endif

emilua_vm *vm_new(emilua_context *ctx, bool is_master)
{
    emilua_vm *vm = calloc(1, sizeof *vm);
    if (!vm)
        return NULL;
    vm->L = new_state(vm);
    if (!vm->L) {
        free(vm);
        return NULL;
    }
    vm->ctx = ctx;
    vm->is_master = is_master;
    vm->refcount = 1;
    lua_atpanic(vm->L, panic);
    vm->inbox = mailbox_new();
    if (!vm->inbox) {
        close_state(vm);
        free(vm);
        return NULL;
    }
    mailbox_bind(vm->inbox, vm);

    /* As luajit's own main does: no collection while the libraries are
     * built, which would only walk what is all alive. */
    lua_gc(vm->L, LUA_GCSTOP, 0);
    lua_pushcfunction(vm->L, setup);
    int status = lua_pcall(vm->L, 0, 0, 0);
    lua_gc(vm->L, LUA_GCRESTART, -1);
    if (status != 0) {
        fprintf(stderr, "emilua: VM setup failed: %s\n",
                lua_tostring(vm->L, -1));
        close_state(vm);
        mailbox_unref(vm->inbox);
        free(vm);
        return NULL;
    }
    return vm;
}

void emilua_vm_ref(emilua_vm *vm)
{
    vm->refcount++;
}

void emilua_vm_unref(emilua_vm *vm)
{
    if (--vm->refcount == 0)
        free(vm);
}

/* Asks for the VM to close as soon as no Lua code of it is running. */
void vm_terminate(emilua_vm *vm)
{
    vm->terminating = true;
    if (!vm->running)
        scheduler_wake(vm);
}

void vm_close(emilua_vm *vm)
{
    if (vm->closing)
        return;
    vm->closing = true;
    bool ran_out = !vm->terminating;   /* not exit, panic or termination */
    vm->terminating = true;
    fiber_report_pending_errors(vm);
    if (ran_out)
        vm_report_deadlocks(vm);

    /* Stop every operation; their resumes now only release the fiber. */
    emilua_fiber *f = vm->all_fibers;
    while (f) {
        emilua_fiber *next = f->next_all;
        if (f->state == FIBER_SUSPENDED && f->canceller) {
            fiber_unlink(f);
            f->zombie = 1;
            emilua_canceller c = f->canceller;
            f->canceller = NULL;
            c(f, f->canceller_data);
        }
        f = next;
    }

    /* senders waiting on this VM get their answer: channel closed */
    mailbox_close(vm->inbox, vm->ctx);

    vm->closed = true;
    vm->ready_head = vm->ready_tail = NULL;
    close_state(vm);
    vm->L = NULL;
    while ((f = vm->all_fibers)) {
        vm->all_fibers = f->next_all;
        free(f);
    }
    mailbox_unref(vm->inbox);
    vm->inbox = NULL;
    context_remove_vm(vm);
    emilua_vm_unref(vm);   /* the context's reference */
}

int vm_start_entry(emilua_vm *vm, const char *path, const char *context)
{
    return modules_load_entry(vm, path, context);
}

void emilua_request_exit(emilua_vm *vm, int code)
{
    vm->ctx->process->exit_code = code;
    vm->ctx->process->exit_requested = true;
    vm_terminate(vm);
    context_stop_all(vm->ctx->process);
}

bool emilua_vm_closed(emilua_vm *vm)
{
    return vm->closed;
}

bool emilua_vm_closing(emilua_vm *vm)
{
    return vm->closing;
}

void *emilua_vm_slot(emilua_vm *vm, const void *key)
{
    for (int i = 0; i < EMILUA_VM_SLOTS; i++)
        if (vm->slots[i].key == key)
            return vm->slots[i].value;
    return NULL;
}

bool emilua_vm_set_slot(emilua_vm *vm, const void *key, void *value)
{
    for (int i = 0; i < EMILUA_VM_SLOTS; i++) {
        if (vm->slots[i].key == key || vm->slots[i].key == NULL) {
            vm->slots[i].key = key;
            vm->slots[i].value = value;
            return true;
        }
    }
    return false;
}

void emilua_vm_terminate(emilua_vm *vm)
{
    vm_terminate(vm);
}

const char *emilua_process_arg(emilua_process *p, int i)
{
    if (!p->argv || p->script_index <= 0 || p->script_index > p->argc ||
        i < 0)
        return NULL;
    if (i == 0)
        return p->argv[0];
    int at = p->script_index + i - 1;
    return at < p->argc ? p->argv[at] : NULL;
}

bool emilua_take_lowfd(emilua_vm *vm, int fd)
{
    emilua_process *p = vm->ctx->process;
    if (fd < 3 || fd > 9 || !(p->lowfds & (1u << fd)))
        return false;
    p->lowfds &= ~(1u << fd);
    return true;
}
