/* spawn_vm() and spawn_context_threads(): new VMs (actors) in this
 * process, on the caller's execution context or on a new one. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "channel.h"
#include "ipc.h"

struct start_event {
    struct ctx_event ev;
    emilua_vm *vm;
    char file[PATH_MAX];
    char root[PATH_MAX];
};

/* On the new VM's thread. */
static void start_run(struct ctx_event *ev, emilua_context *ctx)
{
    struct start_event *s = (struct start_event *)ev;
    emilua_vm *vm = s->vm;
    context_add_vm(ctx, vm);
    if (modules_load_actor(vm, s->file, s->root) != 0)
        vm_close(vm);
    free(s);
}

struct spawn_opts {
    const char *module;
    bool inherit_context;
    int concurrency_hint;
    bool new_master;
};

static void check_opts(lua_State *L, struct spawn_opts *o)
{
    o->inherit_context = true;
    if (lua_type(L, 1) == LUA_TSTRING) {
        o->module = lua_tostring(L, 1);
        return;
    }
    emilua_check_type(L, 1, LUA_TTABLE, "module");
    lua_getfield(L, 1, "module");
    if (lua_type(L, -1) != LUA_TSTRING)
        emilua_raise_einval_arg(L, 1);
    o->module = lua_tostring(L, -1);
    lua_getfield(L, 1, "inherit_context");
    if (!lua_isnil(L, -1)) {
        if (!lua_isboolean(L, -1))
            emilua_raise_einval_arg(L, 1);
        o->inherit_context = lua_toboolean(L, -1);
    }
    lua_getfield(L, 1, "concurrency_hint");
    if (lua_type(L, -1) == LUA_TNUMBER) {
        lua_Number n = lua_tonumber(L, -1);
        if (n != (int)n || n < 0)
            emilua_raise_einval_arg(L, 1);
        o->concurrency_hint = (int)n;
    } else if (lua_type(L, -1) == LUA_TSTRING &&
               strcmp(lua_tostring(L, -1), "safe") == 0) {
        o->concurrency_hint = 0;
    } else if (!lua_isnil(L, -1)) {
        emilua_raise_einval_arg(L, 1);
    }
    lua_getfield(L, 1, "new_master");
    if (!lua_isnil(L, -1)) {
        if (!lua_isboolean(L, -1))
            emilua_raise_einval_arg(L, 1);
        o->new_master = lua_toboolean(L, -1);
    }
    /* the strings stay reachable from the options table */
    lua_settop(L, 1);
}

static int spawn_vm(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TTABLE) {
        lua_getfield(L, 1, "subprocess");
        bool sub = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (sub)
            return subprocess_spawn(L, 1);
    }
    struct spawn_opts o = {0};
    check_opts(L, &o);
    emilua_vm *caller = emilua_vm_of(L);
    if (o.new_master && !caller->is_master)
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_NOT_MASTER_VM);
    struct start_event *s = malloc(sizeof *s);
    if (!s)
        return emilua_raise_errno(L, ENOMEM);
    int errc = modules_find_actor(L, o.module, s->file, s->root);
    if (errc) {
        free(s);
        emilua_push_error(L, &emilua_runtime_category, errc);
        lua_pushstring(L, o.module);
        lua_setfield(L, -2, "module");
        return lua_error(L);
    }
    emilua_context *ctx = context_place_vm(caller->ctx, o.inherit_context,
                                           o.concurrency_hint);
    if (!ctx) {
        free(s);
        return emilua_raise_errno(L, EAGAIN);
    }
    emilua_vm *vm = vm_new(ctx, o.new_master);
    if (!vm) {
        context_unplace_vm(ctx);
        free(s);
        return emilua_raise_errno(L, ENOMEM);
    }
    if (o.new_master)
        caller->is_master = false;
    mailbox_add_sender(vm->inbox);
    channel_push(L, vm->inbox);
    s->ev.run = start_run;
    s->vm = vm;
    /* on this thread the new VM is ready before the caller runs again */
    if (ctx == caller->ctx)
        start_run(&s->ev, ctx);
    else
        context_post(caller->ctx, ctx, &s->ev);
    return 1;
}

static int spawn_context_threads(lua_State *L)
{
    lua_Integer n = emilua_check_integer(L, 1, "count");
    if (n < 0 || n > 1024)
        return emilua_raise_einval_arg(L, 1);
    int rc = context_add_threads(emilua_vm_of(L)->ctx, (int)n);
    if (rc < 0)
        return emilua_raise_errno(L, -rc);
    return 0;
}

static const emilua_reg actor_funcs[] = {
    {"spawn_vm", spawn_vm, 0},
    {"spawn_context_threads", spawn_context_threads, 0},
    {NULL, NULL, 0},
};

int open_actor_api(lua_State *L)
{
    lua_pushvalue(L, LUA_GLOBALSINDEX);
    emilua_set_funcs(L, NULL, actor_funcs);
    lua_pop(L, 1);
    return 0;
}
