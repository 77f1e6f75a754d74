/* Error values: tables {code=, category=} sharing one metatable per VM,
 * and error categories as userdata.  A category userdata is created once
 * per VM and cached, so categories compare by identity. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <emilua/asio_error.h>

#include "core.h"

static const char *errno_message(int code, char *buf, size_t len)
{
    return strerror_r(code, buf, len);
}

static int identity_generic(int code)
{
    return code;
}

const emilua_error_category emilua_system_category = {
    "system", errno_message, identity_generic,
};

const emilua_error_category emilua_generic_category = {
    "generic", errno_message, NULL,
};

static const char *const runtime_messages[EMILUA_ERRC_LAST_] = {
    [EMILUA_ERRC_FIBER_CANCELED] = "Fiber canceled",
    [EMILUA_ERRC_SUSPENSION_FORBIDDEN] =
        "Operation not permitted within a forbid-suspend block",
    [EMILUA_ERRC_NO_FIBER] = "No fiber is running to suspend",
    [EMILUA_ERRC_UNMATCHED_ALLOW_SUSPEND] = "Suspension already allowed",
    [EMILUA_ERRC_UNMATCHED_RESTORE_CANCELLATION] =
        "Cancellation already allowed",
    [EMILUA_ERRC_NO_CLEANUP_HANDLER] =
        "No cleanup handler to pop in the current scope",
    [EMILUA_ERRC_MODULE_NOT_FOUND] = "Module not found",
    [EMILUA_ERRC_CYCLIC_IMPORT] =
        "The module you're trying to import has a dependency on the current "
        "module (and it is partially loaded already)",
    [EMILUA_ERRC_IMPORT_FROM_NON_MAIN_FIBER] =
        "You can only import modules from the main fiber",
    [EMILUA_ERRC_LEAF_HAS_NO_CHILDREN] =
        "A leaf module cannot import child modules",
    [EMILUA_ERRC_IMPORT_ABOVE_ROOT] =
        "The root module doesn't have a parent and can't reference one",
    [EMILUA_ERRC_BAD_MODULE_ID] = "Cannot have a module with this name",
    [EMILUA_ERRC_MODULE_FAILED] = "Module failed to load",
    [EMILUA_ERRC_BAD_COROUTINE] =
        "The fiber coroutine is reserved to the scheduler",
    [EMILUA_ERRC_CHANNEL_CLOSED] = "Channel closed",
    [EMILUA_ERRC_BROKEN_PROMISE] = "Broken promise",
    [EMILUA_ERRC_PROMISE_ALREADY_SATISFIED] = "Promise already satisfied",
    [EMILUA_ERRC_NOT_MASTER_VM] = "Only the master VM may do this",
    [EMILUA_ERRC_VM_TERMINATED] = "VM terminated",
    [EMILUA_ERRC_BUFFER_LIMIT_EXCEEDED] = "Buffer size limit exceeded",
    [EMILUA_ERRC_NO_SENDERS] =
        "Broadcast the address before attempting to receive on it",
    [EMILUA_ERRC_REFERENCE_CYCLE] = "Reference cycle exists",
};

static const char *runtime_message(int code, char *buf, size_t len)
{
    if (code > 0 && code < EMILUA_ERRC_LAST_ && runtime_messages[code])
        return runtime_messages[code];
    snprintf(buf, len, "Unknown emilua error %d", code);
    return buf;
}

static int runtime_to_generic(int code)
{
    switch (code) {
    case EMILUA_ERRC_FIBER_CANCELED: return ECANCELED;
    case EMILUA_ERRC_MODULE_NOT_FOUND: return ENOENT;
    case EMILUA_ERRC_NOT_MASTER_VM: return EPERM;
    case EMILUA_ERRC_SUSPENSION_FORBIDDEN: return EPERM;
    case EMILUA_ERRC_UNMATCHED_ALLOW_SUSPEND:
    case EMILUA_ERRC_UNMATCHED_RESTORE_CANCELLATION:
    case EMILUA_ERRC_NO_CLEANUP_HANDLER: return EPERM;
    default: return 0;
    }
}

const emilua_error_category emilua_runtime_category = {
    "emilua", runtime_message, runtime_to_generic,
};

/* ---- category userdata ------------------------------------------------ */

static int category_tostring(lua_State *L);
static int category_eq(lua_State *L);
static int category_message(lua_State *L);

static const emilua_reg category_methods[] = {
    {"message", category_message, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg category_meta[] = {
    {"__tostring", category_tostring},
    {"__eq", category_eq},
    {NULL, NULL},
};

static const emilua_udata_type category_type = {
    "error_category", category_methods, category_meta, NULL,
};

static const emilua_error_category *check_category(lua_State *L, int idx)
{
    return *(const emilua_error_category **)emilua_check_udata(
        L, idx, &category_type);
}

static int category_tostring(lua_State *L)
{
    lua_pushstring(L, check_category(L, 1)->name);
    return 1;
}

static int category_eq(lua_State *L)
{
    const emilua_error_category **a = emilua_test_udata(L, 1, &category_type);
    const emilua_error_category **b = emilua_test_udata(L, 2, &category_type);
    lua_pushboolean(L, a && b && *a == *b);
    return 1;
}

static int category_message(lua_State *L)
{
    const emilua_error_category *cat = check_category(L, 1);
    int code = (int)emilua_check_integer(L, 2, "code");
    char buf[256];
    lua_pushstring(L, cat->message(code, buf, sizeof buf));
    return 1;
}

void emilua_push_category(lua_State *L, const emilua_error_category *cat)
{
    emilua_vm *vm = emilua_vm_of(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, vm->ref.categories);
    lua_pushlightuserdata(L, (void *)cat);
    lua_rawget(L, -2);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        const emilua_error_category **ud =
            emilua_new_udata(L, &category_type, sizeof *ud);
        *ud = cat;
        lua_pushlightuserdata(L, (void *)cat);
        lua_pushvalue(L, -2);
        lua_rawset(L, -4);
    }
    lua_remove(L, -2);
}

/* ---- error tables ----------------------------------------------------- */

void emilua_push_error(lua_State *L, const emilua_error_category *cat,
                       int code)
{
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, code);
    lua_setfield(L, -2, "code");
    emilua_push_category(L, cat);
    lua_setfield(L, -2, "category");
    lua_rawgeti(L, LUA_REGISTRYINDEX, emilua_vm_of(L)->ref.error_mt);
    lua_setmetatable(L, -2);
}

void emilua_push_status(lua_State *L, int status)
{
    if (status == EMILUA_EOF)
        emilua_push_error(L, &emilua_asio_misc_category, EMILUA_ASIO_MISC_EOF);
    else
        emilua_push_error(L, &emilua_system_category, -status);
}

void emilua_push_errno(lua_State *L, int err)
{
    emilua_push_error(L, &emilua_system_category, err);
}

int emilua_raise_error(lua_State *L, const emilua_error_category *cat,
                       int code)
{
    emilua_push_error(L, cat, code);
    return lua_error(L);
}

int emilua_raise_errno(lua_State *L, int err)
{
    return emilua_raise_error(L, &emilua_system_category, err);
}

/* The category of the error table at idx, or NULL. */
static const emilua_error_category *error_category(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE)
        return NULL;
    idx = idx < 0 ? lua_gettop(L) + idx + 1 : idx;
    /* raw: this also runs on dead threads, where no Lua code may run */
    lua_pushliteral(L, "category");
    lua_rawget(L, idx);
    const emilua_error_category **cat = emilua_test_udata(L, -1,
                                                          &category_type);
    lua_pop(L, 1);
    return cat ? *cat : NULL;
}

bool emilua_is_error(lua_State *L, int idx, const emilua_error_category *cat,
                     int code)
{
    if (error_category(L, idx) != cat)
        return false;
    idx = idx < 0 ? lua_gettop(L) + idx + 1 : idx;
    lua_pushliteral(L, "code");
    lua_rawget(L, idx);
    bool same = lua_type(L, -1) == LUA_TNUMBER && lua_tointeger(L, -1) == code;
    lua_pop(L, 1);
    return same;
}

static int error_tostring(lua_State *L)
{
    const emilua_error_category *cat = error_category(L, 1);
    lua_getfield(L, 1, "code");
    int code = (int)lua_tointeger(L, -1);
    if (!cat) {
        lua_pushfstring(L, "error %d", code);
        return 1;
    }
    char buf[256];
    lua_pushstring(L, cat->message(code, buf, sizeof buf));
    return 1;
}

static int error_eq(lua_State *L)
{
    const emilua_error_category *a = error_category(L, 1);
    const emilua_error_category *b = error_category(L, 2);
    lua_getfield(L, 1, "code");
    lua_getfield(L, 2, "code");
    lua_pushboolean(L, a == b && lua_equal(L, -1, -2));
    return 1;
}

static int error_togeneric(lua_State *L)
{
    const emilua_error_category *cat = error_category(L, 1);
    if (!cat)
        return emilua_arg_error(L, 1, "self", "an error");
    lua_getfield(L, 1, "code");
    int code = (int)lua_tointeger(L, -1);
    int generic = cat->to_generic ? cat->to_generic(code) : 0;
    if (cat == &emilua_generic_category || generic == 0) {
        lua_pushvalue(L, 1);
        return 1;
    }
    emilua_push_error(L, &emilua_generic_category, generic);
    return 1;
}

int open_errors(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);

    lua_newtable(L);
    vm->ref.categories = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newtable(L);
    vm->ref.func_names = luaL_ref(L, LUA_REGISTRYINDEX);

    lua_createtable(L, 0, 4);
    lua_pushcfunction(L, error_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushcfunction(L, error_eq);
    lua_setfield(L, -2, "__eq");
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, error_togeneric);
    emilua_name_func(L, error_togeneric, "error", ":", "togeneric");
    lua_setfield(L, -2, "togeneric");
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "error");
    lua_setfield(L, -2, "__metatable");
    vm->ref.error_mt = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}
