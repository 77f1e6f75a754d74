/* Loads the Lua half of the runtime (the files in lua/, embedded as bytecode) and
 * installs what it returns: pcall, xpcall, scope*, the coroutine shim,
 * the fiber finisher and the wrapper for suspending natives. */
#include <errno.h>

#include "core.h"

#include "fiber_lua.h"
#include "coroutine_lua.h"

extern char emilua_native_mark;
extern char emilua_bad_yield_mark;
int native_note_root_scope(lua_State *L);
int native_cleanup_failed(lua_State *L);
int this_fiber_disable_cancellation(lua_State *L);
int this_fiber_restore_cancellation(lua_State *L);

static int check_cancel(lua_State *L)
{
    emilua_fiber *f = emilua_vm_of(L)->current;
    if (f && f->canceled && f->disable_cancellation == 0)
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_FIBER_CANCELED);
    return 0;
}

static int is_fiber_thread(lua_State *L)
{
    emilua_fiber *f = emilua_vm_of(L)->current;
    lua_pushboolean(L, f && lua_tothread(L, 1) == f->co);
    return 1;
}

/* The coroutine shim resumes a coroutine from where the fiber cannot
 * yield: a suspension inside it must fail before its operation starts. */
static int unyieldable_enter(lua_State *L)
{
    emilua_fiber *f = emilua_vm_of(L)->current;
    if (f && f->unyieldable == UINT8_MAX)
        return luaL_error(L, "coroutines nested too deep");
    if (f)
        f->unyieldable++;
    return 0;
}

/* Returns its arguments: the results of the resume. */
static int unyieldable_leave(lua_State *L)
{
    emilua_fiber *f = emilua_vm_of(L)->current;
    if (f && f->unyieldable > 0)
        f->unyieldable--;
    return lua_gettop(L);
}

static int push_runtime_error(lua_State *L, int code)
{
    emilua_push_error(L, &emilua_runtime_category, code);
    return 1;
}

static int no_handler_error(lua_State *L)
{
    return push_runtime_error(L, EMILUA_ERRC_NO_CLEANUP_HANDLER);
}

static int busy_error(lua_State *L)
{
    /* resuming a coroutine parked in a suspension: EPERM, as upstream */
    emilua_push_error(L, &emilua_generic_category, EPERM);
    return 1;
}

static int bad_coroutine_error(lua_State *L)
{
    return push_runtime_error(L, EMILUA_ERRC_BAD_COROUTINE);
}

/* Copies the named globals of the base library into the table on top. */
static void copy_globals(lua_State *L, const char *const *names)
{
    for (; *names; names++) {
        lua_getglobal(L, *names);
        lua_setfield(L, -2, *names);
    }
}

static void load_chunk(lua_State *L, const unsigned char *bc, size_t len,
                       const char *name)
{
    if (luaL_loadbuffer(L, (const char *)bc, len, name) != 0)
        lua_error(L);
}

int install_lua_runtime(lua_State *L)
{
    static const char *const base_names[] = {
        "pcall", "xpcall", "type", "error", "select", "setmetatable",
        "getmetatable", "getfenv", "setfenv", NULL,
    };
    static const luaL_Reg natives[] = {
        {"check_cancel", check_cancel},
        {"disable_cancellation", this_fiber_disable_cancellation},
        {"restore_cancellation", this_fiber_restore_cancellation},
        {"cleanup_failed", native_cleanup_failed},
        {"note_root_scope", native_note_root_scope},
        {"no_handler_error", no_handler_error},
        {"is_fiber_thread", is_fiber_thread},
        {"unyieldable_enter", unyieldable_enter},
        {"unyieldable_leave", unyieldable_leave},
        {"module_resolve", native_module_resolve},
        {"module_enter", native_module_enter},
        {"module_leave", native_module_leave},
        {"busy_error", busy_error},
        {"arg_error", emilua_arg_error_value},
        {"bad_coroutine_error", bad_coroutine_error},
        {NULL, NULL},
    };
    emilua_vm *vm = emilua_vm_of(L);

    /* N: what the chunks may use, taken before user code can touch it. */
    lua_newtable(L);
    int N = lua_gettop(L);
    copy_globals(L, base_names);
    luaL_register(L, NULL, natives);
    lua_getglobal(L, "coroutine");
    lua_getfield(L, -1, "running");
    lua_setfield(L, N, "running");
    static const char *const co_names[] = {
        "create", "resume", "yield", "status", "isyieldable", NULL,
    };
    for (const char *const *n = co_names; *n; n++) {
        lua_getfield(L, -1, *n);
        lua_setfield(L, N, *n);
    }
    lua_pop(L, 1);
    lua_pushlightuserdata(L, &emilua_native_mark);
    lua_setfield(L, N, "native_mark");
    lua_pushlightuserdata(L, &emilua_bad_yield_mark);
    lua_setfield(L, N, "bad_yield_mark");

    load_chunk(L, luaJIT_BC_fiber, luaJIT_BC_fiber_SIZE, "=[emilua fiber]");
    lua_pushvalue(L, N);
    lua_call(L, 1, 1);
    int F = lua_gettop(L);

    lua_getfield(L, F, "finisher");
    vm->ref.finisher = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, F, "wrap_suspending");
    vm->ref.wrap_suspending = luaL_ref(L, LUA_REGISTRYINDEX);
    static const char *const exported[] = {
        "pcall", "xpcall", "scope", "scope_cleanup_push", "scope_cleanup_pop",
        "require", NULL,
    };
    for (const char *const *n = exported; *n; n++) {
        lua_getfield(L, F, *n);
        lua_setglobal(L, *n);
    }

    load_chunk(L, luaJIT_BC_coroutine, luaJIT_BC_coroutine_SIZE,
               "=[emilua coroutine]");
    lua_pushvalue(L, N);
    lua_pushvalue(L, F);
    lua_call(L, 2, 1);
    lua_setglobal(L, "coroutine");

    lua_settop(L, N - 1);
    return 0;
}

void set_funcs_named(lua_State *L, const char *prefix, const char *sep,
                     const emilua_reg *regs)
{
    emilua_vm *vm = emilua_vm_of(L);
    for (; regs->name; regs++) {
        emilua_name_func(L, regs->func, prefix, sep, regs->name);
        if (regs->flags & EMILUA_SUSPENDS) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, vm->ref.wrap_suspending);
            lua_pushcfunction(L, regs->func);
            lua_call(L, 1, 1);
        } else {
            lua_pushcfunction(L, regs->func);
        }
        lua_setfield(L, -2, regs->name);
    }
}

void emilua_set_funcs(lua_State *L, const char *table_name,
                      const emilua_reg *regs)
{
    set_funcs_named(L, table_name, ".", regs);
}
