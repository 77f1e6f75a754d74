/* subprocess objects: a child of system.spawn, held by its pidfd.
 *
 * The pidfd turns readable when the child exits; a uv_poll_t watches it
 * only while some fiber waits (or while the collector reaps).  Reaping is
 * waitid(P_PIDFD), so no SIGCHLD handler and no other child is involved.
 * A subprocess collected before it was waited for is sent its
 * signal_on_gcreaper and reaped once it exits; the poll handle keeps the
 * loop, and so the process, alive until then. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <emilua/linux_capabilities.h>
#include <emilua/object.h>

#include "spawn.h"
#include "system.h"

struct subprocess {
    emilua_object obj;
    uv_poll_t poll;
    int pidfd;
    pid_t pid;              /* 0 once reaped */
    int gc_signal;
    int exit_code;
    int exit_signal;        /* 0: exited normally */
    struct emilua_waitq waits;
};

static const emilua_udata_type subprocess_type;

/* waitid() without waiting: true once the child is reaped. */
static bool try_reap(struct subprocess *s)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    if (waitid((idtype_t)P_PIDFD, (id_t)s->pidfd, &info,
               WEXITED | WNOHANG) != 0) {
        if (errno != ECHILD)
            return false;
        /* someone else reaped it: nothing more will be known */
        info.si_pid = s->pid;
        info.si_code = CLD_EXITED;
        info.si_status = 0;
    }
    if (info.si_pid == 0)
        return false;
    s->pid = 0;
    if (info.si_code == CLD_EXITED) {
        s->exit_code = info.si_status;
        s->exit_signal = 0;
    } else {
        s->exit_signal = info.si_status;
        s->exit_code = 128 + info.si_status;
    }
    return true;
}

static void free_waiter(struct emilua_waiter *w)
{
    free(w);
}

static void on_exit_readable(uv_poll_t *h, int status, int events)
{
    struct subprocess *s = h->data;
    if (!try_reap(s))
        return;
    uv_poll_stop(&s->poll);
    emilua_object_end_waits(&s->obj, &s->waits, 0, free_waiter);
}

/* After collection: reap and let the handle go. */
static void on_orphan_exit(uv_poll_t *h, int status, int events)
{
    struct subprocess *s = h->data;
    if (try_reap(s))
        emilua_object_close_handle((uv_handle_t *)&s->poll);
}

static void wait_canceller(emilua_fiber *f, void *data)
{
    struct emilua_waiter *w = data;
    struct subprocess *s =
        EMILUA_CONTAINER_OF(w->queue, struct subprocess, waits);
    emilua_waitq_unlink(w);
    free(w);
    if (emilua_waitq_empty(&s->waits))
        uv_poll_stop(&s->poll);
    emilua_resume_canceled(f);
}

static void subprocess_close(emilua_object *o)
{
    struct subprocess *s = (struct subprocess *)o;
    emilua_object_end_waits(o, &s->waits, EMILUA_ABORTED, free_waiter);
    if (o->open_handles == 0)   /* uv_poll_init failed */
        return;
    if (s->pid != 0 && s->gc_signal != 0)
        syscall(SYS_pidfd_send_signal, s->pidfd, s->gc_signal, NULL, 0);
    if (s->pid == 0 || try_reap(s) ||
        uv_poll_start(&s->poll, UV_READABLE, on_orphan_exit) != 0)
        emilua_object_close_handle((uv_handle_t *)&s->poll);
}

static void subprocess_finalize(emilua_object *o)
{
    struct subprocess *s = (struct subprocess *)o;
    if (s->pidfd >= 0)
        close(s->pidfd);
}

static const emilua_object_ops subprocess_ops = {
    subprocess_close, NULL, subprocess_finalize,
};

void subprocess_push(lua_State *L, int pidfd, pid_t pid, int gc_signal)
{
    struct subprocess *s = emilua_object_new(L, &subprocess_type, sizeof *s, &subprocess_ops);
    s->pidfd = pidfd;
    s->pid = pid;
    s->gc_signal = gc_signal;
    int rc = uv_poll_init(emilua_vm_loop(emilua_vm_of(L)), &s->poll, pidfd);
    if (rc != 0)
        emilua_raise_errno(L, -rc);
    emilua_object_add_handle(&s->obj, (uv_handle_t *)&s->poll);
}

static struct subprocess *check_self(lua_State *L)
{
    return emilua_object_check(L, 1, &subprocess_type);
}

static int subprocess_wait(lua_State *L)
{
    struct subprocess *s = check_self(L);
    emilua_fiber *f = emilua_begin_suspend(L);
    if (s->pid == 0)
        return emilua_raise_errno(L, ECHILD);
    struct emilua_waiter *w = calloc(1, sizeof *w);
    if (!w)
        return emilua_raise_errno(L, ENOMEM);
    if (emilua_waitq_empty(&s->waits)) {
        int rc = uv_poll_start(&s->poll, UV_READABLE, on_exit_readable);
        if (rc != 0) {
            free(w);
            return emilua_raise_errno(L, -rc);
        }
    }
    emilua_waitq_push(&s->waits, w, f);
    return emilua_suspend(L, f, wait_canceller, w);
}

static int subprocess_kill(lua_State *L)
{
    struct subprocess *s = check_self(L);
    int sig = (int)system_check_int_range(L, 2, "signal", 0, _NSIG - 1);
    if (s->pid == 0)
        return emilua_raise_errno(L, ESRCH);
    if (syscall(SYS_pidfd_send_signal, s->pidfd, sig, NULL, 0) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int subprocess_cap_get(lua_State *L)
{
    struct subprocess *s = check_self(L);
    if (s->pid == 0)
        return emilua_raise_errno(L, ESRCH);
    cap_t c = cap_get_pid(s->pid);
    if (!c)
        return emilua_raise_errno(L, errno);
    emilua_push_linux_capabilities(L, c);
    return 1;
}

/* exit_code and exit_signal exist once the child was waited for. */
static int subprocess_index(lua_State *L)
{
    struct subprocess *s = check_self(L);
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    if (strcmp(key, "pid") == 0) {
        if (s->pid == 0)
            lua_pushnil(L);
        else
            lua_pushinteger(L, s->pid);
        return 1;
    }
    bool is_code = strcmp(key, "exit_code") == 0;
    if (is_code || strcmp(key, "exit_signal") == 0) {
        if (s->pid != 0)
            return emilua_raise_errno(L, EBUSY);
        if (is_code)
            lua_pushinteger(L, s->exit_code);
        else if (s->exit_signal)
            lua_pushinteger(L, s->exit_signal);
        else
            lua_pushnil(L);
        return 1;
    }
    return luaL_error(L, "subprocess: no field '%s'", key);
}

static const emilua_reg subprocess_methods[] = {
    {"wait", subprocess_wait, EMILUA_SUSPENDS},
    {"kill", subprocess_kill, 0},
    {"cap_get", subprocess_cap_get, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg subprocess_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type subprocess_type = {
    "subprocess", subprocess_methods, subprocess_meta, subprocess_index,
};
