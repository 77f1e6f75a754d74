/* Definitions shared by the files of the runtime core.  Modules use
 * include/emilua/api.h only. */
#ifndef EMILUA_CORE_H
#define EMILUA_CORE_H

#include <emilua/api.h>

struct emilua_process {
    int exit_code;          /* what the process exits with */
    bool exit_requested;
    bool colors;            /* colour runtime messages on stderr */
    bool test_mode;         /* --test: entry runs with _CONTEXT="test" */
    const char *entry;      /* the script or appdir the user named */
    int argc;
    char **argv;
    int script_index;       /* argv index of the entry */
    char **module_dirs;     /* EMILUA_PATH dirs, then the install default */
    size_t n_module_dirs;
    int supervisor_fd;      /* AF_UNIX SOCK_SEQPACKET to the supervisor */
    unsigned lowfds;        /* bit n: fd n (3..9) was inherited */
    struct bundle *bundle;  /* this executable's app, or NULL */
    struct actors *actors;  /* threads and execution contexts (context.c) */
};

/* One event handed to a thread: a message, an acknowledgement, a VM to
 * start.  run() owns the event once called. */
struct ctx_event {
    struct ctx_event *next;
    void (*run)(struct ctx_event *ev, emilua_context *ctx);
};

struct ctx_group;

#define CTX_MAX_WAKES 8

/* One OS thread owning one loop.  An execution context (the thread pool
 * of the reference) is a ctx_group of these; a VM stays on the thread it
 * was placed on.  Fields marked "owner" are only touched by the thread. */
struct emilua_context {
    uv_loop_t loop;
    emilua_process *process;
    struct ctx_group *group;
    emilua_context *next_in_group;
    emilua_context *next_all;
    uv_async_t async;               /* another thread queued events */
    uv_idle_t runner;               /* owner: runs events, then ready VMs */
    uv_thread_t thread;
    bool own_thread;                /* false for the main thread */
    bool caller_owned;              /* the main thread's: not freed here */
    bool async_refed;               /* owner */
    bool dead;                      /* the loop ended (lock and actors lock) */
    bool joined;                    /* actors lock */
    uv_mutex_t lock;                /* guards remote_* and mailboxes' closed */
    struct ctx_event *remote_head, *remote_tail;
    struct ctx_event *local_head, *local_tail;   /* owner */
    emilua_vm *vm_head, *vm_tail;   /* owner: VMs with ready fibers */
    emilua_vm *batch_rest;          /* owner: the rest of this round */
    emilua_vm *vms;                 /* owner: VMs living here */
    int nvms;                       /* VMs placed here (actors lock) */
    int xwaits;                     /* owner: waits another thread ends */
    int nwakes;                     /* owner: threads to wake, see below */
    emilua_context *wakes[CTX_MAX_WAKES];
};

enum fiber_state {
    FIBER_READY,        /* in the ready queue */
    FIBER_RUNNING,
    FIBER_SUSPENDED,    /* waiting on an operation */
    FIBER_FINISHED,
};

/* Kept to 104 bytes (a 112-byte malloc chunk): a sleeping fiber's memory
 * is benchmarked.  Pointers first, then the ints, then the small fields. */
struct emilua_fiber {
    emilua_vm *vm;
    lua_State *co;          /* the thread the fiber runs on */
    /* While the finisher runs the root-scope handlers, co is the
     * finisher's thread and the dead thread (results or error on its
     * stack) waits here. */
    lua_State *ended_co;
    union {
        emilua_fiber *next_ready;   /* while in the ready queue */
        const struct emilua_blocked *blocked; /* while suspended */
    };
    emilua_fiber *prev_all, *next_all; /* every live fiber of the VM */
    emilua_canceller canceller;
    void *canceller_data;
    emilua_fiber *joiner;   /* the fiber suspended in join() on us */
    struct module *module;  /* whose top level it runs (main fiber only) */

    int co_ref;             /* registry ref keeping co alive */
    int ended_ref;
    int local_ref;          /* this_fiber.local_, LUA_NOREF until used */
    int resume_nargs;       /* values waiting on co for the next resume */

    uint16_t forbid_suspend;        /* nesting counters */
    uint16_t disable_cancellation;
    uint8_t state;                  /* enum fiber_state */
    /* Coroutines it resumed from where it cannot yield (an error handler,
     * a metamethod called from C): nothing inside them may suspend. */
    uint8_t unyieldable;
    unsigned canceled : 1;          /* cancel() was called: sticky */
    unsigned joinable : 1;          /* not joined nor detached */
    unsigned joined : 1;            /* a join() returned its outcome */
    unsigned has_handle : 1;        /* the Lua handle still exists */
    unsigned failed : 1;            /* finished with an error */
    unsigned cancellation_caught : 1;
    unsigned reported : 1;          /* the uncaught error was printed */
    unsigned is_main : 1;
    unsigned zombie : 1;            /* VM gone: only waits to be freed */
    unsigned has_root_cleanup : 1;  /* pushed a handler on its root scope */
};

#define FIBER_NESTING_MAX UINT16_MAX

/* Registry refs to objects the core reaches often. */
struct vm_refs {
    int finisher;        /* Lua: runs a dead fiber's root-scope handlers */
    int error_mt;        /* metatable of error tables */
    int categories;      /* lightuserdata(category) -> category userdata */
    int func_names;      /* lightuserdata(lua_CFunction) -> its name */
    int module_env_mt;   /* {__index = _G} */
    int modules;         /* module cache: key -> module record userdata */
    int wrap_suspending; /* Lua: wraps a suspending C function */
    int report_traceback;
};

struct emilua_vm {
    lua_State *L;
    emilua_context *ctx;
    emilua_fiber *current;
    emilua_fiber *ready_head, *ready_tail;
    emilua_fiber *all_fibers;
    emilua_fiber *main_fiber;
    /* What messages call the VM: the thread its main fiber started on, as
     * upstream names a VM by its main coroutine. */
    const void *id;
    int refcount;
    bool is_master;
    bool running;            /* inside the scheduler loop */
    bool native_yield;       /* the last yield came from emilua_suspend */
    bool terminating;        /* close at the next scheduler check */
    bool closing;            /* vm_close() has started */
    bool closed;             /* lua_close() done */
    bool queued;             /* in its context's list of ready VMs */
    bool in_context;         /* context_add_vm() counted it */
    bool stay_open;          /* a C test's VM: the test closes it */
    int live_fibers;         /* fibers not finished yet */
    emilua_vm *next_ready_vm;
    emilua_vm *prev_vm, *next_vm;   /* the VMs of the context */
    struct mailbox *inbox;   /* the receiving end of the VM's channels */
    struct module *entry_module;
    /* emilua_suspend_post(): completes the suspension just made, once
     * the yield has reached the scheduler. */
    void (*post_complete)(emilua_fiber *f, void *data);
    void *post_data;
    struct vm_refs ref;
    struct { const void *key; void *value; } slots[EMILUA_VM_SLOTS];
#ifndef EMILUA_HAVE_LUA_EXDATA
    lua_State *arena;        /* lends L its allocator; see vm.c */
    lua_Alloc arena_alloc;
    void *arena_ud;
#endif
};

/* vm.c */
emilua_vm *vm_new(emilua_context *ctx, bool is_master);
int vm_start_entry(emilua_vm *vm, const char *path, const char *context);
void vm_terminate(emilua_vm *vm);
void vm_close(emilua_vm *vm);
/* deadlock.c */
void vm_report_deadlocks(emilua_vm *vm);

/* context.c */
/* The main thread's context, in the caller's storage: 0 or a status. */
int context_init_main(emilua_context *ctx, emilua_process *p);
void context_run_main(emilua_context *ctx);
void context_add_vm(emilua_context *ctx, emilua_vm *vm);
void context_remove_vm(emilua_vm *vm);
void context_wake_vm(emilua_vm *vm);
/* Queues ev for ctx; from is the caller's context (no lock when equal). */
void context_post(emilua_context *from, emilua_context *ctx,
                  struct ctx_event *ev);
/* Same from another thread, with ctx->lock held. */
void context_push_remote_locked(emilua_context *from, emilua_context *ctx,
                                struct ctx_event *ev);
/* The thread a new VM goes to (counted there already), or NULL. */
emilua_context *context_place_vm(emilua_context *caller, bool inherit,
                                 int concurrency_hint);
void context_unplace_vm(emilua_context *ctx);
int context_add_threads(emilua_context *caller, int count);
void context_xwait(emilua_context *ctx, int delta);
bool context_has_other_ready(emilua_context *ctx);
void context_stop_all(emilua_process *p);

/* channel.c */
struct mailbox *mailbox_new(void);
void mailbox_bind(struct mailbox *mb, emilua_vm *vm);
void mailbox_close(struct mailbox *mb, emilua_context *ctx);
void mailbox_main_fiber_done(emilua_vm *vm);
void mailbox_unref(struct mailbox *mb);
int open_actor_api(lua_State *L);
int emilua_open_inbox(lua_State *L);

/* scheduler.c */
void scheduler_wake(emilua_vm *vm);
void scheduler_enqueue(emilua_vm *vm, emilua_fiber *f);
void scheduler_push_front(emilua_vm *vm, emilua_fiber *f);
/* The halves of every resume: end the suspension (NULL when the VM is
 * gone), then queue the fiber with nargs values pushed. */
lua_State *scheduler_take_fiber(emilua_fiber *f);
void scheduler_hand_over(emilua_fiber *f, int nargs);
void scheduler_drain(emilua_vm *vm);

/* fiber.c */
emilua_fiber *fiber_new(lua_State *L, int fn_idx);
void fiber_ended(emilua_fiber *f, int status);
void fiber_release(emilua_fiber *f);
void fiber_unlink(emilua_fiber *f);
void fiber_free(emilua_fiber *f);
void fiber_report_pending_errors(emilua_vm *vm);
void fiber_cancel(emilua_fiber *f);
int open_fiber_api(lua_State *L);

/* report.c */
/* Prints the error on top of f's ended thread with its traceback. */
void report_uncaught(lua_State *L, emilua_fiber *f);
void report_error_line(emilua_process *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void push_error_string(lua_State *L, int idx);

/* errors.c */
int open_errors(lua_State *L);

/* runtime_lua.c: the embedded Lua parts */
int install_lua_runtime(lua_State *L);
/* emilua_set_funcs() with the separator between the table's name and a
 * function's name ("." for module tables, ":" for methods). */
void set_funcs_named(lua_State *L, const char *prefix, const char *sep,
                     const emilua_reg *regs);

/* modules.c */
struct module;
int open_require(lua_State *L);
int modules_load_entry(emilua_vm *vm, const char *path, const char *context);
int native_module_resolve(lua_State *L);
int native_module_enter(lua_State *L);
int native_module_leave(lua_State *L);
/* spawn_vm(): finds the file of an actor's entry module as require() would
 * ('.' is the program's root module).  0 or an emilua errc. */
int modules_find_actor(lua_State *L, const char *id, char *file, char *root);
int modules_load_actor(emilua_vm *vm, const char *file, const char *root);

/* repl.c: pushes the function the main fiber runs for the prompt. */
void repl_push_main(lua_State *L);

/* bundle.c: the app appended to this executable (`emilua bundle`), read
 * in place.  Its files are named "bundle:/PATH" (BUNDLE_PREFIX "/PATH");
 * the index is the process's, so every VM of it finds the same files. */
#define BUNDLE_PREFIX "bundle:"
struct bundle_entry {
    uint64_t offset, size;
    const char *path;        /* relative to the app dir */
};
struct bundle {
    int fd;                  /* /proc/self/exe, O_CLOEXEC */
    size_t n;
    struct bundle_entry *entries;   /* sorted by path */
    char *paths;
};
/* Is this executable a bundle?  One pread of its last bytes decides. */
struct bundle *bundle_open_self(void);
void bundle_close(struct bundle *b);
const struct bundle_entry *bundle_find(const struct bundle *b,
                                       const char *name);
/* Reads a whole entry; the caller frees *buf.  Returns 0 or -errno. */
int bundle_read(const struct bundle *b, const struct bundle_entry *e,
                char **buf, size_t *len);
/* bundle_write.c: `emilua bundle APPDIR -o FILE`; returns the exit code */
int bundle_command(int argc, char **argv);

/* print.c */
int open_print(lua_State *L);

#endif
