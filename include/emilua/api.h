/* The internal C API that modules use to talk to the runtime core.
 *
 * A module function that suspends has this shape:
 *
 *     static int my_op(lua_State *L)
 *     {
 *         double secs = emilua_check_number(L, 1, "secs");
 *         emilua_fiber *f = emilua_begin_suspend(L);   // cancellation point
 *         struct op *op = start_the_operation(...);
 *         return emilua_suspend(L, f, cancel_op, op);
 *     }
 *
 * and is registered with EMILUA_SUSPENDS so that the runtime wraps it in a
 * small Lua function that raises the error the operation resumes with.
 * Later, from a libuv callback, the operation calls one emilua_resume_*()
 * function exactly once.  See doc/internals.md for a worked example.
 */
#ifndef EMILUA_API_H
#define EMILUA_API_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <lua.h>
#include <lauxlib.h>
#include <uv.h>

typedef struct emilua_process emilua_process;
typedef struct emilua_context emilua_context;
typedef struct emilua_vm emilua_vm;
typedef struct emilua_fiber emilua_fiber;
typedef struct emilua_error_category emilua_error_category;

/* ---- VMs and execution contexts ------------------------------------- */

/* The VM that owns L (any thread of it).  O(1): OpenResty's LuaJIT keeps
 * it as the state's exdata; with plain LuaJIT it is the userdata of the
 * VM's allocator (see new_state() in src/core/vm.c). */
static inline emilua_vm *emilua_vm_of(lua_State *L)
{
#ifdef EMILUA_HAVE_LUA_EXDATA
    return (emilua_vm *)lua_getexdata(L);
#else
    void *vm;
    lua_getallocf(L, &vm);
    return (emilua_vm *)vm;
#endif
}

uv_loop_t *emilua_vm_loop(emilua_vm *vm);
emilua_process *emilua_vm_process(emilua_vm *vm);
bool emilua_vm_is_master(emilua_vm *vm);

/* Ends the process with `code` once the master VM has closed; the VM
 * given is terminated at its next scheduling point (no more Lua of it
 * runs after the calling function returns control to the runtime). */
void emilua_request_exit(emilua_vm *vm, int code);
/* Terminates the VM at its next scheduling point without touching the
 * process's exit status. */
void emilua_vm_terminate(emilua_vm *vm);

/* The program's arguments as system.arguments lists them: 0 is the
 * binary, 1 the script, then the arguments after the script (the
 * runtime's own options are left out); NULL past the end. */
const char *emilua_process_arg(emilua_process *p, int i);

/* A file `emilua bundle` stored for the runtime itself (a module's shared
 * object) when this executable is a bundle: 0 with a malloc'd copy in
 * *buf, or -ENOENT (not a bundle, or no such file), or another -errno. */
#define EMILUA_BUNDLE_RUNTIME_DIR ".runtime/"
int emilua_bundle_runtime_file(emilua_process *p, const char *name,
                               char **buf, size_t *len);
/* Where a module's shared object (e.g. "emilua-tls.so") is on disk: beside
 * the running executable (a build directory), else in the module
 * directory it was installed for.  Writes the path; false when neither
 * exists. */
bool emilua_find_runtime_module(const char *name, char *path, size_t len);

/* Takes the inherited fd (3..9) recorded at start-up: true the first time
 * for an fd that was inherited, false otherwise. */
bool emilua_take_lowfd(emilua_vm *vm, int fd);

/* True once the VM's Lua state is gone (for operations without a
 * canceller that complete later). */
bool emilua_vm_closed(emilua_vm *vm);
/* True from the moment the VM starts closing: a canceller called now is
 * called because of the close, not because of fiber:cancel(). */
bool emilua_vm_closing(emilua_vm *vm);

/* Per-VM C state of a module, found by the address of a static key (at
 * most EMILUA_VM_SLOTS keys per VM).  set() returns false when full. */
#define EMILUA_VM_SLOTS 8
void *emilua_vm_slot(emilua_vm *vm, const void *key);
bool emilua_vm_set_slot(emilua_vm *vm, const void *key, void *value);

/* Keeps the VM struct (not the Lua state) alive. */
void emilua_vm_ref(emilua_vm *vm);
void emilua_vm_unref(emilua_vm *vm);

/* ---- Fibers ----------------------------------------------------------- */

/* The fiber running Lua code right now, or NULL. */
emilua_fiber *emilua_current_fiber(emilua_vm *vm);
emilua_vm *emilua_fiber_vm(emilua_fiber *f);

/* A canceller aborts the operation a fiber is suspended on and then calls
 * one emilua_resume_*() function (now or from a later callback).  It runs
 * when the fiber is canceled (fiber:cancel()) and when the VM closes; in
 * the second case the resume call only releases the fiber.  The runtime
 * clears the canceller before calling it, and whenever the fiber resumes. */
typedef void (*emilua_canceller)(emilua_fiber *f, void *data);

/* Replaces the data the canceller of suspended f will get: for an
 * operation whose record moves while it waits (a slot of a heap). */
void emilua_set_canceller_data(emilua_fiber *f, void *data);

/* Checks that the current fiber may suspend: raises fiber_canceled when a
 * cancellation is pending (this is what makes a call a cancellation point)
 * and raises when suspension is forbidden or there is no fiber. */
emilua_fiber *emilua_begin_suspend(lua_State *L);

/* Same checks, without the cancellation point (mutex:lock is one such op). */
emilua_fiber *emilua_begin_suspend_uncancellable(lua_State *L);

/* The running fiber if it may suspend here and now, else NULL; never
 * raises (for an operation that then goes on without suspending). */
emilua_fiber *emilua_suspendable_fiber(lua_State *L);

/* Suspends f.  Must be the last thing a lua_CFunction does:
 * `return emilua_suspend(L, f, canceller, data);`.  canceller may be NULL
 * for operations that cannot be interrupted. */
int emilua_suspend(lua_State *L, emilua_fiber *f, emilua_canceller canceller,
                   void *data);

/* For an operation whose result is ready at once (post semantics: the
 * fiber goes to the back of the ready queue, so a busy object cannot
 * starve the other fibers).  Suspends f and, as soon as the yield has
 * reached the scheduler, calls complete(f, data), which must resume f
 * with one emilua_resume_*() call. */
int emilua_suspend_post(lua_State *L, emilua_fiber *f,
                        void (*complete)(emilua_fiber *f, void *data),
                        void *data);

/* Resuming.  emilua_resume_begin() returns the stack to push results on,
 * or NULL when the fiber's VM is gone (the fiber is then released and the
 * caller must push nothing).  emilua_resume_end() hands n pushed values to
 * the fiber.  The fiber runs later, from the scheduler, never inline. */
lua_State *emilua_resume_begin(emilua_fiber *f);
void emilua_resume_end(emilua_fiber *f, int n);

void emilua_resume_nothing(emilua_fiber *f);
/* Resumes f with no value at all: for an operation that cannot fail once
 * it has suspended (mutex:lock), registered without EMILUA_SUSPENDS so
 * that no Lua wrapper runs around it; its C function returns 0 values
 * when it completes at once.  A wrapped operation may resume this way
 * too (the wrapper returns nothing). */
void emilua_resume_void(emilua_fiber *f);
void emilua_resume_errno(emilua_fiber *f, int err);
void emilua_resume_canceled(emilua_fiber *f);
/* The error value is on top of `from` (any thread of the same VM). */
void emilua_resume_error_from(emilua_fiber *f, lua_State *from);
/* Resumes with a new error table {code=, category=}. */
void emilua_resume_error(emilua_fiber *f, const emilua_error_category *cat,
                         int code);

/* ---- The C error convention ------------------------------------------
 * Inside C, an operation's outcome is one int status, as in libuv:
 * >= 0 success (a count, or 0 for "nothing to report"), < 0 a negative
 * errno value (libuv's UV_E* are the same numbers), and two values of
 * our own: EMILUA_EOF (asio_error.misc.eof) and EMILUA_ABORTED
 * (asio_error.basic.operation_aborted, the system error ECANCELED). */
#define EMILUA_EOF UV_EOF
#define EMILUA_ABORTED (-ECANCELED)

/* Pushes the error value of a negative status. */
void emilua_push_status(lua_State *L, int status);
/* Resumes f from a status: an error (< 0), no value (0), or the count. */
void emilua_resume_status(emilua_fiber *f, int status);

/* The deadlock report.  A fiber about to suspend on something that only
 * another fiber of its VM can complete (a mutex, a condition variable, a
 * future) names it before emilua_suspend().  If the VM runs out of work
 * with the fiber still suspended, the VM's shutdown prints fmt (whose one
 * conversion is a %p for object) once per object.  b must stay valid
 * while the fiber waits; a resume forgets it. */
struct emilua_blocked {
    const char *fmt;
    const void *object;
};
void emilua_set_blocked(emilua_fiber *f, const struct emilua_blocked *b);

/* Post semantics: puts f at the back of the ready queue. */
void emilua_fiber_post(emilua_fiber *f);

/* ---- Errors ----------------------------------------------------------- */

struct emilua_error_category {
    const char *name;
    /* Writes the message for code into buf; returns buf or a static string. */
    const char *(*message)(int code, char *buf, size_t len);
    /* The POSIX errno value code maps to, or 0 when there is none. */
    int (*to_generic)(int code);
};

extern const emilua_error_category emilua_system_category;
extern const emilua_error_category emilua_generic_category;
extern const emilua_error_category emilua_runtime_category;

/* Conditions of the runtime itself (category "emilua"). */
enum emilua_errc {
    EMILUA_ERRC_FIBER_CANCELED = 1,
    EMILUA_ERRC_SUSPENSION_FORBIDDEN,
    EMILUA_ERRC_NO_FIBER,
    EMILUA_ERRC_UNMATCHED_ALLOW_SUSPEND,
    EMILUA_ERRC_UNMATCHED_RESTORE_CANCELLATION,
    EMILUA_ERRC_NO_CLEANUP_HANDLER,
    EMILUA_ERRC_MODULE_NOT_FOUND,
    EMILUA_ERRC_CYCLIC_IMPORT,
    EMILUA_ERRC_IMPORT_FROM_NON_MAIN_FIBER,
    EMILUA_ERRC_LEAF_HAS_NO_CHILDREN,
    EMILUA_ERRC_IMPORT_ABOVE_ROOT,
    EMILUA_ERRC_BAD_MODULE_ID,
    EMILUA_ERRC_MODULE_FAILED,
    EMILUA_ERRC_BAD_COROUTINE,
    EMILUA_ERRC_CHANNEL_CLOSED,
    EMILUA_ERRC_BROKEN_PROMISE,
    EMILUA_ERRC_PROMISE_ALREADY_SATISFIED,
    EMILUA_ERRC_NOT_MASTER_VM,
    EMILUA_ERRC_VM_TERMINATED,
    EMILUA_ERRC_BUFFER_LIMIT_EXCEEDED,
    EMILUA_ERRC_NO_SENDERS,
    EMILUA_ERRC_REFERENCE_CYCLE,
    EMILUA_ERRC_LAST_
};

/* Pushes a new error table {code=, category=}. */
void emilua_push_error(lua_State *L, const emilua_error_category *cat,
                       int code);
void emilua_push_errno(lua_State *L, int err);               /* system */
/* Pushes the error and raises it.  Never returns. */
int emilua_raise_error(lua_State *L, const emilua_error_category *cat,
                       int code);
int emilua_raise_errno(lua_State *L, int err);
/* Pushes the category userdata. */
void emilua_push_category(lua_State *L, const emilua_error_category *cat);
/* True when the value at idx is an error table of cat with code. */
bool emilua_is_error(lua_State *L, int idx, const emilua_error_category *cat,
                     int code);

/* ---- Argument checking ----------------------------------------------- *
 * A bad argument (wrong type or bad value) raises a generic EINVAL error
 * table with the integer field arg = argn, as upstream does.  The report
 * travels in extra fields: func (the running function's qualified name,
 * found through its registration), argname, expected and got.  argn
 * counts self as 1 for methods.  Nothing names the calling function: the
 * error path finds it. */

int emilua_arg_error(lua_State *L, int argn, const char *name,
                     const char *expected);
/* The value is bad although its type is right (arg and func only). */
int emilua_raise_einval_arg(lua_State *L, int argn);
void emilua_check_type(lua_State *L, int argn, int type, const char *name);
lua_Number emilua_check_number(lua_State *L, int argn, const char *name);
lua_Integer emilua_check_integer(lua_State *L, int argn, const char *name);
const char *emilua_check_string(lua_State *L, int argn, size_t *len,
                                const char *name);
bool emilua_opt_boolean(lua_State *L, int argn, bool def, const char *name);

/* For the runtime's parts written in Lua, which name themselves:
 * arg_error(argn, func, name, expected, value) returns the same error
 * table as emilua_arg_error() would raise. */
int emilua_arg_error_value(lua_State *L);

/* Records fn's name for argument errors: PREFIX SEP NAME, or NAME when
 * prefix is NULL.  emilua_set_funcs() and userdata types do it for their
 * functions; call it for a C function pushed by other means. */
void emilua_name_func(lua_State *L, lua_CFunction fn, const char *prefix,
                      const char *sep, const char *name);

/* ---- Userdata with hidden metatables --------------------------------- *
 * Each type is identified by the address of a static key.  The metatable's
 * __metatable field is the type name, so getmetatable() shows the name and
 * Lua code cannot reach the real metatable. */

typedef struct emilua_udata_type {
    const char *name;          /* e.g. "fiber", "time.steady_timer" */
    const struct emilua_reg *methods; /* reached through __index, or NULL */
    const luaL_Reg *metamethods; /* __gc, __tostring, ... may be NULL */
    lua_CFunction index;       /* optional __index fallback for properties */
} emilua_udata_type;

/* How a value that owns an fd (an IO object) travels in a message to
 * another VM: the sender's value gives the fd up (it is closed after),
 * the receiver gets a new value of the same type owning it.  A module
 * registers the hook of its types when it is opened in a VM. */
typedef struct emilua_udata_move {
    /* 0 when the value at idx may go now, else a negative status: -EBUSY
     * while an operation is pending, -EBADF when closed.  Takes nothing. */
    int (*check)(lua_State *L, int idx, const emilua_udata_type *type);
    /* Takes the fd out of the value at idx (after a successful check). */
    int (*take)(lua_State *L, int idx, const emilua_udata_type *type);
    /* In the receiving VM: pushes a new value of type owning fd. */
    void (*push)(lua_State *L, int fd, const emilua_udata_type *type);
} emilua_udata_move;

void emilua_udata_set_move(lua_State *L, const emilua_udata_type *type,
                           const emilua_udata_move *move);
/* The hook of an IO object type whose record is a bare emilua_io
 * (emilua/io.h, as pipe ends are). */
extern const emilua_udata_move emilua_io_plain_move;
/* The type of the userdata at idx when it was made by emilua_new_udata(),
 * else NULL; and the move hook registered for a type in L's VM, or NULL. */
const emilua_udata_type *emilua_udata_type_of(lua_State *L, int idx);
const emilua_udata_move *emilua_udata_move_of(lua_State *L,
                                              const emilua_udata_type *type);

/* Allocates a userdata of size bytes with the type's metatable set. */
void *emilua_new_udata(lua_State *L, const emilua_udata_type *type,
                       size_t size);
/* Returns the userdata at argn if it is of type, else raises an argument
 * error (named "self" at argn 1). */
void *emilua_check_udata(lua_State *L, int argn,
                         const emilua_udata_type *type);
/* NULL when the value is not of type. */
void *emilua_test_udata(lua_State *L, int idx, const emilua_udata_type *type);

/* ---- Modules ----------------------------------------------------------- */

/* A function table entry for emilua_set_funcs(). */
struct emilua_reg {
    const char *name;
    lua_CFunction func;
    int flags;
};
typedef struct emilua_reg emilua_reg;

/* The function suspends and reports errors through its resume values:
 * it returns (nil, results...) or (error).  The runtime wraps it so that
 * Lua sees (results...) or a raised error. */
#define EMILUA_SUSPENDS 1

/* Sets the functions into the table on top of the stack and records their
 * names ("TABLE_NAME.name") for argument errors. */
void emilua_set_funcs(lua_State *L, const char *table_name,
                      const emilua_reg *regs);

/* A builtin module: open pushes the module's value. */
typedef struct emilua_builtin_module {
    const char *name;
    int (*open)(lua_State *L);
} emilua_builtin_module;

extern const emilua_builtin_module emilua_builtin_modules[];
/* Globals every VM starts with (byte_span, format, ...). */
extern const emilua_builtin_module emilua_global_modules[];

#endif
