/* system.signal: constants, raise, ignore/default and signal sets.
 *
 * A set owns one uv_signal_t per signal it holds.  A signal that arrives
 * with nobody waiting is counted in the set and handed to later waits,
 * lowest signal number first.  The handles are unreferenced while no
 * fiber waits, so an idle set does not keep the program alive. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include <emilua/object.h>

#include "system.h"

/* Dispositions are per process, so is this bookkeeping: how many sets
 * hold each signal (ignore/default refuse those), and whether a signal
 * was ignored before the first set took it.  libuv puts SIG_DFL back when
 * its last watcher of a signal stops; we put SIG_IGN back instead for
 * signals that were ignored (SIGPIPE is, from start-up). */
static struct {
    pthread_mutex_t lock;
    int count[NSIG];
    bool was_ignored[NSIG];
} registry = {.lock = PTHREAD_MUTEX_INITIALIZER};

struct set {
    emilua_object obj;
    uv_signal_t *handles[NSIG];   /* NULL: not in the set */
    unsigned pending[NSIG];       /* deliveries nobody waited for */
    struct emilua_waitq waits;    /* a malloc'd node per wait() */
};

static int set_add(lua_State *L);
static int set_remove(lua_State *L);
static int set_clear(lua_State *L);
static int set_cancel(lua_State *L);
static int set_wait(lua_State *L);

static const emilua_reg set_methods[] = {
    {"add", set_add, 0},
    {"remove", set_remove, 0},
    {"clear", set_clear, 0},
    {"cancel", set_cancel, 0},
    {"wait", set_wait, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

static const luaL_Reg set_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type set_type = {
    "system.signal.set", set_methods, set_meta, NULL,
};

static int check_signo(lua_State *L, int argn)
{
    return (int)system_check_int_range(L, argn, "signal", 1, NSIG - 1);
}

static struct set *check_set(lua_State *L)
{
    return emilua_object_check(L, 1, &set_type);
}

static void free_handle(emilua_object *o, uv_handle_t *h)
{
    free(h);
}

static void free_waiter(struct emilua_waiter *w)
{
    free(w);
}

/* Handles keep the loop alive only while some fiber waits. */
static void update_refs(struct set *s)
{
    for (int sig = 1; sig < NSIG; sig++) {
        if (!s->handles[sig])
            continue;
        if (!emilua_waitq_empty(&s->waits))
            uv_ref((uv_handle_t *)s->handles[sig]);
        else
            uv_unref((uv_handle_t *)s->handles[sig]);
    }
}

static void on_signal(uv_signal_t *h, int signum)
{
    struct set *s = h->data;
    struct emilua_waiter *w = emilua_waitq_pop(&s->waits);
    if (!w) {
        s->pending[signum]++;
        return;
    }
    update_refs(s);
    emilua_fiber *f = w->fiber;
    free(w);
    emilua_resume_status(f, signum);
}

/* 0 or a negative status. */
static int add_signal(struct set *s, int sig)
{
    if (s->handles[sig])
        return 0;
    uv_signal_t *h = malloc(sizeof *h);
    if (!h)
        return -ENOMEM;
    int rc = uv_signal_init(emilua_vm_loop(s->obj.vm), h);
    if (rc != 0) {
        free(h);
        return rc;
    }
    emilua_object_add_handle(&s->obj, (uv_handle_t *)h);

    pthread_mutex_lock(&registry.lock);
    struct sigaction old;
    bool first = registry.count[sig] == 0;
    if (first && sigaction(sig, NULL, &old) == 0)
        registry.was_ignored[sig] = old.sa_handler == SIG_IGN;
    rc = uv_signal_start(h, on_signal, sig);
    if (rc == 0)
        registry.count[sig]++;
    pthread_mutex_unlock(&registry.lock);

    if (rc != 0) {
        emilua_object_close_handle((uv_handle_t *)h);
        return rc;
    }
    s->handles[sig] = h;
    update_refs(s);
    return 0;
}

static void remove_signal(struct set *s, int sig)
{
    uv_signal_t *h = s->handles[sig];
    s->pending[sig] = 0;
    if (!h)
        return;
    s->handles[sig] = NULL;

    pthread_mutex_lock(&registry.lock);
    uv_signal_stop(h);
    if (--registry.count[sig] == 0 && registry.was_ignored[sig]) {
        struct sigaction cur;
        /* Only when libuv dropped its handler (nobody else in the
         * process watches the signal through libuv). */
        if (sigaction(sig, NULL, &cur) == 0 && cur.sa_handler == SIG_DFL) {
            struct sigaction ign = {.sa_handler = SIG_IGN};
            sigemptyset(&ign.sa_mask);
            sigaction(sig, &ign, NULL);
        }
    }
    pthread_mutex_unlock(&registry.lock);
    emilua_object_close_handle((uv_handle_t *)h);
}

/* GC: a waiting fiber keeps its set reachable, so waiters are only left
 * here when the VM closes, after their cancellers ran. */
static void set_close(emilua_object *o)
{
    struct set *s = (struct set *)o;
    emilua_object_end_waits(o, &s->waits, EMILUA_ABORTED, free_waiter);
    for (int sig = 1; sig < NSIG; sig++)
        remove_signal(s, sig);
}

static const emilua_object_ops set_ops = {set_close, free_handle, NULL};

static int set_new(lua_State *L)
{
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++)
        check_signo(L, i);
    system_check_master(L);

    struct set *s = emilua_object_new(L, &set_type, sizeof *s, &set_ops);
    for (int i = 1; i <= n; i++) {
        int rc = add_signal(s, (int)lua_tointeger(L, i));
        if (rc != 0)
            return emilua_raise_errno(L, -rc);  /* __gc cleans up */
    }
    return 1;
}

static int set_add(lua_State *L)
{
    struct set *s = check_set(L);
    int sig = check_signo(L, 2);
    system_check_master(L);
    int rc = add_signal(s, sig);
    if (rc != 0)
        return emilua_raise_errno(L, -rc);
    return 0;
}

static int set_remove(lua_State *L)
{
    struct set *s = check_set(L);
    int sig = check_signo(L, 2);
    remove_signal(s, sig);
    return 0;
}

static int set_clear(lua_State *L)
{
    struct set *s = check_set(L);
    for (int sig = 1; sig < NSIG; sig++)
        remove_signal(s, sig);
    return 0;
}

static int set_cancel(lua_State *L)
{
    struct set *s = check_set(L);
    emilua_object_end_waits(&s->obj, &s->waits, EMILUA_ABORTED, free_waiter);
    update_refs(s);
    return 0;
}

static void wait_cancel(emilua_fiber *f, void *data)
{
    struct emilua_waiter *w = data;
    struct set *s = EMILUA_CONTAINER_OF(w->queue, struct set, waits);
    emilua_waitq_unlink(w);
    update_refs(s);
    free(w);
    emilua_resume_canceled(f);
}

static int set_wait(lua_State *L)
{
    struct set *s = check_set(L);
    emilua_fiber *f = emilua_begin_suspend(L);
    for (int sig = 1; sig < NSIG; sig++) {
        if (s->pending[sig]) {
            s->pending[sig]--;
            lua_pushnil(L);
            lua_pushinteger(L, sig);
            return 2;
        }
    }
    struct emilua_waiter *w = calloc(1, sizeof *w);
    if (!w)
        return emilua_raise_errno(L, ENOMEM);
    emilua_waitq_push(&s->waits, w, f);
    update_refs(s);
    return emilua_suspend(L, f, wait_cancel, w);
}

static int signal_raise(lua_State *L)
{
    int sig = (int)system_check_int_range(L, 1, "signal", 0,
                                          NSIG - 1);
    if (raise(sig) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int set_disposition(lua_State *L, void (*handler)(int))
{
    int sig = check_signo(L, 1);
    system_check_master(L);
    pthread_mutex_lock(&registry.lock);
    int err = 0;
    if (registry.count[sig] > 0) {
        err = EBUSY;
    } else {
        struct sigaction sa = {.sa_handler = handler};
        sigemptyset(&sa.sa_mask);
        if (sigaction(sig, &sa, NULL) != 0)
            err = errno;
    }
    pthread_mutex_unlock(&registry.lock);
    if (err)
        return emilua_raise_errno(L, err);
    return 0;
}

static int signal_ignore(lua_State *L)
{
    return set_disposition(L, SIG_IGN);
}

static int signal_default(lua_State *L)
{
    return set_disposition(L, SIG_DFL);
}

static const emilua_reg signal_funcs[] = {
    {"raise", signal_raise, 0},
    {"ignore", signal_ignore, 0},
    {"default", signal_default, 0},
    {NULL, NULL, 0},
};

static const emilua_reg set_funcs[] = {
    {"new", set_new, 0},
    {NULL, NULL, 0},
};

#define SIGNAL_CONST(name) {#name, name}
static const struct {
    const char *name;
    int value;
} signal_consts[] = {
    SIGNAL_CONST(SIGABRT), SIGNAL_CONST(SIGFPE), SIGNAL_CONST(SIGILL),
    SIGNAL_CONST(SIGINT), SIGNAL_CONST(SIGSEGV), SIGNAL_CONST(SIGTERM),
    SIGNAL_CONST(SIGALRM), SIGNAL_CONST(SIGBUS), SIGNAL_CONST(SIGCHLD),
    SIGNAL_CONST(SIGCONT), SIGNAL_CONST(SIGHUP), SIGNAL_CONST(SIGIO),
    SIGNAL_CONST(SIGKILL), SIGNAL_CONST(SIGPIPE), SIGNAL_CONST(SIGPROF),
    SIGNAL_CONST(SIGQUIT), SIGNAL_CONST(SIGSTOP), SIGNAL_CONST(SIGSYS),
    SIGNAL_CONST(SIGTRAP), SIGNAL_CONST(SIGTSTP), SIGNAL_CONST(SIGTTIN),
    SIGNAL_CONST(SIGTTOU), SIGNAL_CONST(SIGURG), SIGNAL_CONST(SIGUSR1),
    SIGNAL_CONST(SIGUSR2), SIGNAL_CONST(SIGVTALRM), SIGNAL_CONST(SIGWINCH),
    SIGNAL_CONST(SIGXCPU), SIGNAL_CONST(SIGXFSZ),
};

void system_open_signal(lua_State *L)
{
    lua_newtable(L);
    for (size_t i = 0; i < sizeof signal_consts / sizeof *signal_consts;
         i++) {
        lua_pushinteger(L, signal_consts[i].value);
        lua_setfield(L, -2, signal_consts[i].name);
    }
    emilua_set_funcs(L, "system.signal", signal_funcs);
    lua_newtable(L);
    emilua_set_funcs(L, "system.signal.set", set_funcs);
    lua_setfield(L, -2, "set");
    lua_setfield(L, -2, "signal");
}
