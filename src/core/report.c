/* Reports of errors nobody caught: the message of the error value (error
 * tables print their category's message and any extra fields) and a
 * traceback without the runtime's own frames. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"

#define RED_BOLD "\033[1;31m"
#define RESET "\033[0m"

static int tostring_value(lua_State *L)
{
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
        return 1;
    switch (lua_type(L, 1)) {
    case LUA_TSTRING:
    case LUA_TNUMBER:
        lua_pushvalue(L, 1);
        lua_tostring(L, -1);
        return 1;
    case LUA_TNIL: lua_pushliteral(L, "nil"); return 1;
    case LUA_TBOOLEAN:
        lua_pushstring(L, lua_toboolean(L, 1) ? "true" : "false");
        return 1;
    default:
        lua_pushfstring(L, "%s: %p", luaL_typename(L, 1),
                        lua_topointer(L, 1));
        return 1;
    }
}

/* Fields an argument error's report is made of. */
static const char *const report_keys[] = {
    "code", "category", "arg", "field", "func", "argname", "expected", "got",
};

static bool is_report_key(const char *k)
{
    for (size_t i = 0; i < sizeof report_keys / sizeof *report_keys; i++)
        if (strcmp(k, report_keys[i]) == 0)
            return true;
    return false;
}

/* The string field k of the table at 1, or NULL. */
static const char *string_field(lua_State *L, const char *k)
{
    lua_getfield(L, 1, k);
    const char *v = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                   : NULL;
    lua_pop(L, 1);   /* the table still holds the string */
    return v;
}

/* "FUNC: argument #N (NAME) must be EXPECTED (got GOT)" (or "field F")
 * for an argument error, then "(key = value, ...)" for the other fields
 * of the error table at 1; "" when there is nothing to add. */
static int error_details(lua_State *L)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (lua_type(L, 1) != LUA_TTABLE) {
        luaL_pushresult(&b);
        return 1;
    }
    const char *func = string_field(L, "func");
    const char *name = string_field(L, "argname");
    const char *expected = string_field(L, "expected");
    const char *got = string_field(L, "got");
    const char *field = string_field(L, "field");
    lua_getfield(L, 1, "arg");
    int argn = lua_type(L, -1) == LUA_TNUMBER ? (int)lua_tointeger(L, -1) : 0;
    lua_pop(L, 1);
    char line[512];
    size_t n = 0;
    if (argn > 0 || field) {
        if (func)
            n += (size_t)snprintf(line, sizeof line, "%s: ", func);
        if (n < sizeof line && field)
            n += (size_t)snprintf(line + n, sizeof line - n, "field %s",
                                  field);
        else if (n < sizeof line)
            n += (size_t)snprintf(line + n, sizeof line - n, "argument #%d",
                                  argn);
        if (n < sizeof line && name)
            n += (size_t)snprintf(line + n, sizeof line - n, " (%s)", name);
        if (n < sizeof line && expected)
            n += (size_t)snprintf(line + n, sizeof line - n,
                                  " must be %s (got %s)", expected,
                                  got ? got : "?");
        else if (n < sizeof line)
            n += (size_t)snprintf(line + n, sizeof line - n, " is invalid");
        luaL_addstring(&b, line);
    }
    int extra = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ?
                        lua_tostring(L, -2) : NULL;
        if (k && !is_report_key(k)) {
            luaL_addstring(&b, extra++ ? ", " :
                           argn > 0 || field ? " (" : "(");
            luaL_addstring(&b, k);
            luaL_addstring(&b, " = ");
            if (lua_type(L, -1) == LUA_TSTRING) {
                luaL_addstring(&b, "\"");
                luaL_addstring(&b, lua_tostring(L, -1));
                luaL_addstring(&b, "\"");
            } else {
                lua_pushcfunction(L, tostring_value);
                lua_pushvalue(L, -2);
                lua_call(L, 1, 1);
                luaL_addstring(&b, lua_tostring(L, -1));
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    if (extra)
        luaL_addstring(&b, ")");
    luaL_pushresult(&b);
    return 1;
}

/* Pushes the message of the value at idx (what tostring() gives, as the
 * report's first line shows it); never raises. */
void push_error_string(lua_State *L, int idx)
{
    idx = idx < 0 ? lua_gettop(L) + idx + 1 : idx;
    lua_pushcfunction(L, tostring_value);
    lua_pushvalue(L, idx);
    if (lua_pcall(L, 1, 1, 0) != 0) {
        lua_pop(L, 1);
        lua_pushliteral(L, "(error object is not printable)");
    }
}

/* Pushes the details of the error value at idx (see error_details); ""
 * when there are none; never raises. */
static void push_error_details(lua_State *L, int idx)
{
    idx = idx < 0 ? lua_gettop(L) + idx + 1 : idx;
    lua_pushcfunction(L, error_details);
    lua_pushvalue(L, idx);
    if (lua_pcall(L, 1, 1, 0) != 0) {
        lua_pop(L, 1);
        lua_pushliteral(L, "");
    }
}

/* A frame of the runtime's own embedded Lua code. */
static bool internal_frame(const lua_Debug *ar)
{
    return strncmp(ar->short_src, "[emilua ", 8) == 0;
}

#define MAX_FRAMES 48

/* The line a "SRC:LINE: ..." message names, or -1.  A dead thread does
 * not know the line its erroring Lua frame stopped at; the message of a
 * runtime error does. */
static int line_from_message(lua_State *L, int msg_idx, const char *src)
{
    if (msg_idx == 0 || lua_type(L, msg_idx) != LUA_TSTRING)
        return -1;
    const char *m = lua_tostring(L, msg_idx);
    size_t n = strlen(src);
    if (strncmp(m, src, n) != 0 || m[n] != ':')
        return -1;
    char *end;
    long line = strtol(m + n + 1, &end, 10);
    return end != m + n + 1 && *end == ':' && line > 0 ? (int)line : -1;
}

/* Builds "stack traceback:\n\t..." for `of` from `level` up.  Frames of
 * the runtime's Lua code are left out, and so are the C functions it calls
 * (raw pcall, xpcall) so that user code sees only its own frames. */
static void push_traceback(lua_State *L, lua_State *of, int level,
                           int msg_idx)
{
    lua_Debug ar[MAX_FRAMES + 1];
    int n = 0;
    bool truncated = false;
    for (; lua_getstack(of, level, &ar[n]); level++) {
        if (n == MAX_FRAMES) {
            truncated = true;
            break;
        }
        lua_getinfo(of, "Snl", &ar[n]);
        n++;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "stack traceback:");
    for (int i = 0; i < n; i++) {
        if (internal_frame(&ar[i]))
            continue;
        if (ar[i].what[0] == 'C' && i + 1 < n && internal_frame(&ar[i + 1]))
            continue;
        char line[512];
        if (i == 0 && ar[i].currentline <= 0 && ar[i].what[0] != 'C')
            ar[i].currentline = line_from_message(L, msg_idx,
                                                  ar[i].short_src);
        if (ar[i].currentline > 0)
            snprintf(line, sizeof line, "\n\t%s:%d:", ar[i].short_src,
                     ar[i].currentline);
        else
            snprintf(line, sizeof line, "\n\t%s:", ar[i].short_src);
        luaL_addstring(&b, line);
        if (*ar[i].namewhat)
            snprintf(line, sizeof line, " in function '%s'", ar[i].name);
        else if (*ar[i].what == 'm')
            snprintf(line, sizeof line, " in main chunk");
        else if (*ar[i].what == 'C')
            snprintf(line, sizeof line, " ?");
        else
            snprintf(line, sizeof line, " in function <%s:%d>",
                     ar[i].short_src, ar[i].linedefined);
        luaL_addstring(&b, line);
    }
    if (truncated)
        luaL_addstring(&b, "\n\t...");
    luaL_pushresult(&b);
}

void report_error_line(emilua_process *p, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (p->colors)
        fprintf(stderr, RED_BOLD "%s" RESET "\n", buf);
    else
        fprintf(stderr, "%s\n", buf);
}

void report_uncaught(lua_State *L, emilua_fiber *f)
{
    emilua_vm *vm = f->vm;
    emilua_process *p = vm->ctx->process;
    lua_State *ended = f->ended_co ? f->ended_co : f->co;
    lua_checkstack(L, 8);
    lua_checkstack(ended, 2);
    lua_pushvalue(ended, -1);
    if (ended != L)
        lua_xmove(ended, L, 1);
    push_error_string(L, -1);
    const char *msg = lua_tostring(L, -1);
    if (f->is_main)
        report_error_line(p, "Main fiber from VM %p panicked: '%s'",
                          vm->id, msg);
    else
        report_error_line(p, "Fiber %p panicked: '%s'", (void *)f, msg);
    /* The dead thread still has the frames the error went through. */
    push_traceback(L, ended, 0, lua_gettop(L) - 1);
    fprintf(stderr, "%s\n", lua_tostring(L, -1));
    /* The runtime's own report comes last, indented like the traceback,
     * so that the lines upstream prints stay as they are. */
    push_error_details(L, -3);
    if (*lua_tostring(L, -1))
        fprintf(stderr, "\tdetails: %s\n", lua_tostring(L, -1));
    lua_pop(L, 4);
}

/* Native: scope_cleanup_push() made the first scope of a thread.  When
 * that thread is the fiber's own, the fiber's end runs the finisher. */
int native_note_root_scope(lua_State *L)
{
    emilua_fiber *f = emilua_vm_of(L)->current;
    if (f && lua_tothread(L, 1) == f->co)
        f->has_root_cleanup = 1;
    return 0;
}

/* Native: a cleanup handler raised.  The VM cannot keep its invariants
 * any more, so it is terminated: this fiber never runs again. */
int native_cleanup_failed(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    report_error_line(vm->ctx->process, "VM %p forcibly closed due to error "
                      "raised on cleanup handler from coroutine %p",
                      vm->id, (void *)L);
    /* Upstream's line says no more; the error goes where a traceback
     * goes, after the frames that ran the handler. */
    push_traceback(L, L, 1, 0);
    push_error_string(L, 1);
    push_error_details(L, 1);
    fprintf(stderr, "%s\n\terror: '%s'\n", lua_tostring(L, -3),
            lua_tostring(L, -2));
    if (*lua_tostring(L, -1))
        fprintf(stderr, "\tdetails: %s\n", lua_tostring(L, -1));
    if (vm->is_master)
        vm->ctx->process->exit_code = 1;
    vm_terminate(vm);
    extern char emilua_native_mark;
    lua_pushlightuserdata(L, &emilua_native_mark);
    return lua_yield(L, 1);
}
