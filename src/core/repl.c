/* The interactive prompt: `emilua` with no script on a terminal.
 *
 * The prompt is the main fiber of the main VM running lua/repl.lua.  It
 * reads a line through libedit's callback interface driven by a uv_poll
 * on stdin, so the loop (and every other fiber) keeps running while the
 * user types.  SIGINT arrives through a uv_signal: at the prompt it drops
 * the line being typed; while a line runs it cancels the main fiber's
 * pending operation, as fiber:cancel() would, and the prompt comes back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include <emilua/object.h>

#include "core.h"
#include "repl_lua.h"

/* An object of the VM, so that its handles close with the VM however it
 * ends (Ctrl-D, system.exit() at the prompt or from a fiber). */
struct repl {
    emilua_object obj;
    uv_poll_t poll;
    uv_signal_t sigint;
    emilua_fiber *reader;   /* suspended in read(), or NULL */
    emilua_vm *vm;
    char prompt[8];
    bool evaluating;
};

/* libedit's callback interface keeps its state in globals: one prompt
 * per process, which is what a terminal has. */
static struct repl *the_repl;

static void repl_close(emilua_object *o)
{
    struct repl *r = (struct repl *)o;
    if (r->reader)
        rl_callback_handler_remove();
    r->reader = NULL;
    the_repl = NULL;
    emilua_object_close_handle((uv_handle_t *)&r->poll);
    emilua_object_close_handle((uv_handle_t *)&r->sigint);
}

static const emilua_object_ops repl_ops = {repl_close, NULL, NULL};

static const luaL_Reg repl_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type repl_type = {
    "repl", NULL, repl_meta, NULL,
};

static void line_done(char *line)
{
    struct repl *r = the_repl;
    rl_callback_handler_remove();
    if (!r) {
        free(line);
        return;
    }
    uv_poll_stop(&r->poll);
    emilua_fiber *f = r->reader;
    r->reader = NULL;
    if (!f) {
        free(line);
        return;
    }
    lua_State *L = emilua_resume_begin(f);
    if (line)
        lua_pushstring(L, line);
    else
        lua_pushnil(L);   /* Ctrl-D */
    free(line);
    emilua_resume_end(f, 1);
}

static void on_readable(uv_poll_t *h, int status, int events)
{
    rl_callback_read_char();
}

static void on_sigint(uv_signal_t *h, int signum)
{
    struct repl *r = h->data;
    if (r->reader) {
        /* drop the line being typed and prompt again */
        fputs("\n", stdout);
        fflush(stdout);
        rl_callback_handler_remove();
        rl_callback_handler_install(r->prompt, line_done);
        return;
    }
    if (r->evaluating && !r->vm->closing && r->vm->main_fiber) {
        fputs("\n", stdout);   /* past the terminal's ^C */
        fflush(stdout);
        fiber_cancel(r->vm->main_fiber);
    }
}

static void read_cancel(emilua_fiber *f, void *data)
{
    struct repl *r = data;
    rl_callback_handler_remove();
    uv_poll_stop(&r->poll);
    r->reader = NULL;
    emilua_resume_canceled(f);
}

/* read(prompt): the next line typed, or nil at Ctrl-D. */
static int repl_read(lua_State *L)
{
    const char *prompt = luaL_checkstring(L, 1);
    struct repl *r = the_repl;
    emilua_fiber *f = emilua_begin_suspend(L);
    snprintf(r->prompt, sizeof r->prompt, "%s", prompt);
    fflush(stdout);
    rl_callback_handler_install(r->prompt, line_done);
    int rc = uv_poll_start(&r->poll, UV_READABLE, on_readable);
    if (rc != 0) {
        rl_callback_handler_remove();
        return emilua_raise_errno(L, -rc);
    }
    r->reader = f;
    return emilua_suspend(L, f, read_cancel, r);
}

static int repl_history(lua_State *L)
{
    add_history(luaL_checkstring(L, 1));
    return 0;
}

/* evaluating(on): Ctrl-C cancels the line while on.  Turning it off
 * forgets a cancellation that came too late to abort anything, so it
 * does not hit the next line. */
static int repl_evaluating(lua_State *L)
{
    struct repl *r = the_repl;
    emilua_vm *vm = emilua_vm_of(L);
    r->evaluating = lua_toboolean(L, 1);
    if (!r->evaluating && vm->main_fiber)
        vm->main_fiber->canceled = 0;
    return 0;
}

/* report(err): what an uncaught error prints, without the process dying */
static int repl_report(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    push_error_string(L, 1);
    report_error_line(vm->ctx->process, "error: %s", lua_tostring(L, -1));
    return 0;
}

/* quit(): Ctrl-D ends the process with status 0, whatever still runs */
static int repl_quit(lua_State *L)
{
    fputs("\n", stdout);
    fflush(stdout);
    if (the_repl)
        emilua_object_close(&the_repl->obj);
    emilua_request_exit(emilua_vm_of(L), 0);
    return 0;
}

static const emilua_reg repl_funcs[] = {
    {"read", repl_read, EMILUA_SUSPENDS},
    {"history", repl_history, 0},
    {"evaluating", repl_evaluating, 0},
    {"report", repl_report, 0},
    {"quit", repl_quit, 0},
    {NULL, NULL, 0},
};

/* Pushes the function the main fiber runs for the prompt, or raises. */
void repl_push_main(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    uv_loop_t *loop = emilua_vm_loop(vm);
    lua_pushlightuserdata(L, (void *)&repl_type);   /* lives as the VM */
    struct repl *r = emilua_object_new(L, &repl_type, sizeof *r, &repl_ops);
    lua_rawset(L, LUA_REGISTRYINDEX);
    r->vm = vm;
    if (uv_poll_init(loop, &r->poll, STDIN_FILENO) != 0)
        luaL_error(L, "cannot watch the terminal");
    emilua_object_add_handle(&r->obj, (uv_handle_t *)&r->poll);
    if (uv_signal_init(loop, &r->sigint) != 0)
        luaL_error(L, "cannot catch SIGINT");
    emilua_object_add_handle(&r->obj, (uv_handle_t *)&r->sigint);
    if (uv_signal_start(&r->sigint, on_sigint, SIGINT) != 0)
        luaL_error(L, "cannot catch SIGINT");
    the_repl = r;
    rl_catch_signals = 0;   /* SIGINT is the loop's */
    using_history();

    if (luaL_loadbuffer(L, (const char *)luaJIT_BC_repl,
                        luaJIT_BC_repl_SIZE, "=[emilua repl]") != 0)
        lua_error(L);
    lua_newtable(L);
    emilua_set_funcs(L, "repl", repl_funcs);
    lua_call(L, 1, 1);
}
