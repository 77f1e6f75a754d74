/* spawn_vm{subprocess=...}: the runtime asks the supervisor for a new
 * process; the supervisor clone()s it with the requested namespaces and
 * answers with its pid and a pidfd.  The new process runs the module as a
 * worker whose inbox reads the channel socket. */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <emilua/file_descriptor.h>

#include "channel.h"
#include "cli.h"
#include "init_script.h"
#include "ipc.h"
#include "supervisor.h"

#define ENV_MAX 65536
#define NS_FLAGS (CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWUSER | \
                  CLONE_NEWNET | CLONE_NEWNS)

struct spawn_req {
    uint32_t clone_flags;
    uint32_t has_init;         /* an init.script waits on FD_INIT */
    uint32_t env_len;          /* NUL-terminated entries after the header */
    char file[PATH_MAX];
    char root[PATH_MAX];
};

struct spawn_reply {
    int32_t err;
    int32_t pid;
};

/* fds of a request, in order */
enum { FD_REPLY, FD_CHANNEL, FD_STDIN, FD_STDOUT, FD_STDERR, FD_INIT, NFDS };

/* ---- in the caller ---------------------------------------------------- */

static const struct { const char *name; uint32_t flag; } namespaces[] = {
    {"newns_uts", CLONE_NEWUTS}, {"newns_ipc", CLONE_NEWIPC},
    {"newns_pid", CLONE_NEWPID}, {"newns_user", CLONE_NEWUSER},
    {"newns_net", CLONE_NEWNET}, {"newns_mount", CLONE_NEWNS},
};

/* A standard handle for the child: "share", a file_descriptor, or nil
 * (a pipe end whose other end is closed).  Returns an fd we own. */
static int std_handle(lua_State *L, int sp, const char *name, int which,
                      int argn)
{
    lua_getfield(L, sp, name);
    int fd;
    if (lua_isnil(L, -1)) {
        int p[2];
        if (pipe2(p, O_CLOEXEC) != 0)
            return -1;
        fd = which == 0 ? p[0] : p[1];
        close(which == 0 ? p[1] : p[0]);
    } else if (lua_type(L, -1) == LUA_TSTRING &&
               strcmp(lua_tostring(L, -1), "share") == 0) {
        fd = fcntl(which, F_DUPFD_CLOEXEC, 3);
    } else {
        int held = emilua_test_file_descriptor(L, -1);
        if (held < 0)
            emilua_raise_einval_arg(L, argn);
        fd = fcntl(held, F_DUPFD_CLOEXEC, 3);
    }
    lua_pop(L, 1);
    return fd;
}

static size_t environment_blob(lua_State *L, int sp, char *env, int argn)
{
    size_t len = 0;
    lua_getfield(L, sp, "environment");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    if (!lua_istable(L, -1))
        emilua_raise_einval_arg(L, argn);
    int t = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
            emilua_raise_einval_arg(L, argn);
        size_t kl, vl;
        const char *k = lua_tolstring(L, -2, &kl);
        const char *v = lua_tolstring(L, -1, &vl);
        if (memchr(k, '=', kl) || strlen(k) != kl || strlen(v) != vl || !kl)
            emilua_raise_einval_arg(L, argn);
        if (len + kl + vl + 2 > ENV_MAX)
            emilua_raise_errno(L, E2BIG);
        memcpy(env + len, k, kl);
        env[len + kl] = '=';
        memcpy(env + len + kl + 1, v, vl + 1);
        len += kl + vl + 2;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return len;
}

/* The module of a subprocess actor is a path (a filesystem.path, or a
 * string as Emilua 0.6 programs give it): a file or an appdir, looked up
 * in the child, where an init.script may have just created it.  A relative
 * path starts from the caller's working directory. */
static void module_path(lua_State *L, int opts, struct spawn_req *rq)
{
    lua_getglobal(L, "tostring");
    lua_getfield(L, opts, "module");
    int type = lua_type(L, -1);
    if (type != LUA_TSTRING && type != LUA_TUSERDATA)
        emilua_raise_einval_arg(L, 1);
    lua_call(L, 1, 1);
    const char *m = lua_tostring(L, -1);
    if (!m || !*m)
        emilua_raise_einval_arg(L, 1);
    char cwd[PATH_MAX];
    int n = 0;
    if (m[0] == '/')
        n = snprintf(rq->file, PATH_MAX, "%s", m);
    else if (getcwd(cwd, sizeof cwd))
        n = snprintf(rq->file, PATH_MAX, "%s/%s", cwd, m);
    else
        emilua_raise_errno(L, errno);
    if (n >= PATH_MAX)
        emilua_raise_errno(L, ENAMETOOLONG);
    lua_pop(L, 1);
}

/* In the child: an appdir's entry is its init.lua; the root is the
 * module's directory.  False when there is no such module. */
static bool resolve_module(struct spawn_req *rq)
{
    struct stat st;
    if (stat(rq->file, &st) != 0)
        return false;
    if (S_ISDIR(st.st_mode)) {
        memcpy(rq->root, rq->file, PATH_MAX);
        size_t n = strlen(rq->file);
        if (n + sizeof "/init.lua" > PATH_MAX)
            return false;
        memcpy(rq->file + n, "/init.lua", sizeof "/init.lua");
        return stat(rq->file, &st) == 0 && S_ISREG(st.st_mode);
    }
    char copy[PATH_MAX];
    memcpy(copy, rq->file, PATH_MAX);
    snprintf(rq->root, PATH_MAX, "%s", dirname(copy));
    return true;
}

static int send_request(int sup, const void *buf, size_t len, const int *fds,
                        size_t nfds)
{
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int) * NFDS)];
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {(void *)buf, len};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl.buf;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
    memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
    return sendmsg(sup, &msg, MSG_NOSIGNAL) < 0 ? -errno : 0;
}

/* The init.script (and init.arg) go to the new process on a socket of
 * their own, queued before it exists: the supervisor only passes the
 * socket on, and never holds the script.  *out: the child's end. */
static int send_script(const char *script, size_t len, int arg, int *out)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
        return errno;
    int size = (int)(len + 4096);
    setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {(void *)script, len};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (arg >= 0) {
        msg.msg_control = ctl.buf;
        msg.msg_controllen = sizeof ctl.buf;
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &arg, sizeof arg);
    }
    int err = sendmsg(sv[0], &msg, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 ? errno : 0;
    close(sv[0]);
    if (err) {
        close(sv[1]);
        return err;
    }
    *out = sv[1];
    return 0;
}

/* Waits for the supervisor's answer: the pid, or -errno; *pidfd. */
static int receive_reply(int fd, int *pidfd)
{
    struct spawn_reply rp;
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    struct iovec iov = {&rp, sizeof rp};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl.buf;
    msg.msg_controllen = sizeof ctl.buf;
    ssize_t n;
    do
        n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    *pidfd = -1;
    struct cmsghdr *c = n > 0 ? CMSG_FIRSTHDR(&msg) : NULL;
    if (c && c->cmsg_type == SCM_RIGHTS)
        memcpy(pidfd, CMSG_DATA(c), sizeof(int));
    if (n != sizeof rp || (rp.err == 0 && *pidfd < 0)) {
        if (*pidfd >= 0)
            close(*pidfd);
        return -EPIPE;
    }
    return rp.err ? -rp.err : rp.pid;
}

int subprocess_spawn(lua_State *L, int opts)
{
    static _Thread_local struct {
        struct spawn_req rq;
        char env[ENV_MAX];
    } buf;
    memset(&buf.rq, 0, sizeof buf.rq);
    lua_getfield(L, opts, "subprocess");
    int sp = lua_gettop(L);
    if (!lua_istable(L, sp))
        return emilua_raise_einval_arg(L, 1);
    module_path(L, opts, &buf.rq);
    for (size_t i = 0; i < sizeof namespaces / sizeof *namespaces; i++) {
        lua_getfield(L, sp, namespaces[i].name);
        if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
            return emilua_raise_einval_arg(L, 1);
        if (lua_toboolean(L, -1))
            buf.rq.clone_flags |= namespaces[i].flag;
        lua_pop(L, 1);
    }
    const char *script = NULL;
    size_t script_len = 0;
    int init_arg = -1;
    lua_getfield(L, sp, "init");
    if (!lua_isnil(L, -1)) {
        if (!lua_istable(L, -1))
            return emilua_raise_einval_arg(L, 1);
        lua_getfield(L, -1, "script");
        if (lua_type(L, -1) != LUA_TSTRING)
            return emilua_raise_einval_arg(L, 1);
        script = lua_tolstring(L, -1, &script_len);   /* opts keep it */
        lua_getfield(L, -2, "arg");
        if (!lua_isnil(L, -1) &&
            (init_arg = emilua_test_file_descriptor(L, -1)) < 0)
            return emilua_raise_einval_arg(L, 1);
        lua_pop(L, 2);
        buf.rq.has_init = 1;
    }
    lua_pop(L, 1);
    buf.rq.env_len = (uint32_t)environment_blob(L, sp, buf.env, 1);

    int fds[NFDS] = {-1, -1, -1, -1, -1, -1};
    int reply[2] = {-1, -1}, chan[2] = {-1, -1};
    int err = 0;
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, reply) != 0 ||
        socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, chan) != 0)
        err = errno;
    fds[FD_REPLY] = reply[1];
    fds[FD_CHANNEL] = chan[1];
    static const char *const std_names[] = {"stdin", "stdout", "stderr"};
    for (int i = 0; i < 3 && !err; i++)
        if ((fds[FD_STDIN + i] = std_handle(L, sp, std_names[i], i, 1)) < 0)
            err = errno;
    if (script && !err)
        err = send_script(script, script_len, init_arg, &fds[FD_INIT]);
    int pidfd = -1;
    int pid = -1;
    if (!err) {
        int sup = supervisor_socket(emilua_vm_of(L)->ctx->process);
        pid = sup < 0 ? -EAGAIN
                      : send_request(sup, &buf, sizeof buf.rq + buf.rq.env_len,
                                     fds, script ? NFDS : NFDS - 1);
        if (pid == 0)
            pid = receive_reply(reply[0], &pidfd);
        if (pid < 0)
            err = -pid;
    }
    for (int i = 0; i < NFDS; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    if (reply[0] >= 0)
        close(reply[0]);
    if (err) {
        if (chan[0] >= 0)
            close(chan[0]);
        return emilua_raise_errno(L, err);
    }
    struct ipc_child_info ci = {pidfd, pid};
    ipc_push_channel(L, chan[0], &ci);
    return 1;
}

/* ---- in the new process ---------------------------------------------- */

/* Moves fd to at least 10 so dup2() onto 0..3 cannot clobber another. */
static int lift(int fd)
{
    int moved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    close(fd);
    return moved;
}

static void set_environment(char *env, size_t len)
{
    clearenv();
    for (size_t i = 0; i < len; i += strlen(env + i) + 1)
        putenv(env + i);
}

static void reset_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; s++)
        sigaction(s, &sa, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* With newns_pid we are PID 1: the actor runs in a child; we forward the
 * usual termination signals, reap every zombie and exit as the actor. */
static void pid1(pid_t actor)
{
    static const int forwarded[] = {SIGTERM, SIGUSR1, SIGUSR2, SIGHUP, SIGINT};
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof forwarded / sizeof *forwarded; i++)
        sigaddset(&set, forwarded[i]);
    sigaddset(&set, SIGRTMIN + 4);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    prctl(PR_SET_NAME, "emilua-pid1", 0, 0, 0);
    for (;;) {
        siginfo_t si;
        int s = sigwaitinfo(&set, &si);
        if (s < 0)
            continue;
        if (s != SIGCHLD) {
            kill(actor, s);
            continue;
        }
        int status;
        pid_t p;
        while ((p = waitpid(-1, &status, WNOHANG)) > 0)
            if (p == actor)
                _exit(WIFEXITED(status) ? WEXITSTATUS(status)
                                        : 128 + WTERMSIG(status));
    }
}

/* Receives and runs the init.script; false when it failed. */
static bool run_init(int sock)
{
    char peek;
    struct iovec iov = {&peek, 1};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    ssize_t len = recvmsg(sock, &msg, MSG_PEEK | MSG_TRUNC);
    if (len < 0)
        return false;
    char *script = malloc(len ? (size_t)len : 1);
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    iov = (struct iovec){script, (size_t)len};
    msg.msg_control = ctl.buf;
    msg.msg_controllen = sizeof ctl.buf;
    ssize_t n = script ? recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) : -1;
    close(sock);
    int arg = -1;
    struct cmsghdr *c = n >= 0 ? CMSG_FIRSTHDR(&msg) : NULL;
    if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
        memcpy(&arg, CMSG_DATA(c), sizeof arg);
    bool ok = n == len && init_script_run(script, (size_t)n, arg) == 0;
    if (script) {
        explicit_bzero(script, (size_t)len);
        free(script);
    }
    return ok;
}

static _Noreturn void worker_main(struct spawn_req *rq, char *env, int *fds,
                                  size_t nfds)
{
    for (size_t i = 0; i < nfds; i++)
        fds[i] = lift(fds[i]);
    close(fds[FD_REPLY]);
    dup2(fds[FD_STDIN], 0);
    dup2(fds[FD_STDOUT], 1);
    dup2(fds[FD_STDERR], 2);
    dup2(fds[FD_CHANNEL], 3);
    for (int i = FD_CHANNEL; i < FD_INIT; i++)
        close(fds[i]);
    fcntl(3, F_SETFD, FD_CLOEXEC);
    reset_signals();
    set_environment(env, rq->env_len);
    umask(022);
    if (rq->has_init && !run_init(fds[FD_INIT]))
        _exit(1);
    if (rq->clone_flags & CLONE_NEWPID) {
        pid_t actor = fork();
        if (actor > 0)
            pid1(actor);
        if (actor < 0)
            _exit(1);
    }
    prctl(PR_SET_NAME, "emilua-worker", 0, 0, 0);
    signal(SIGPIPE, SIG_IGN);

    if (!resolve_module(rq)) {
        dprintf(2, "emilua: the subprocess found no module '%s'\n", rq->file);
        _exit(1);
    }
    emilua_process proc = {0};
    proc.supervisor_fd = -1;
    proc.entry = rq->file;
    cli_read_environment(&proc);
    emilua_context ctx;
    memset(&ctx, 0, sizeof ctx);
    if (context_init_main(&ctx, &proc) != 0)
        _exit(1);
    emilua_vm *vm = vm_new(&ctx, true);
    if (!vm)
        _exit(1);
    context_add_vm(&ctx, vm);
    if (ipc_add_source(vm->inbox, &ctx, 3) != 0 ||
        modules_load_actor(vm, rq->file, rq->root) != 0) {
        proc.exit_code = 1;
        vm_close(vm);
    }
    context_run_main(&ctx);
    fflush(stdout);
    _exit(proc.exit_code);
}

/* ---- in the supervisor ----------------------------------------------- */

static void reply(int fd, int err, pid_t pid, int pidfd)
{
    struct spawn_reply rp = {err, pid};
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {&rp, sizeof rp};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (pidfd >= 0) {
        msg.msg_control = ctl.buf;
        msg.msg_controllen = sizeof ctl.buf;
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &pidfd, sizeof(int));
    }
    sendmsg(fd, &msg, MSG_NOSIGNAL);
}

void subprocess_serve(const void *req, size_t len, int *fds, size_t nfds)
{
    static struct {
        struct spawn_req rq;
        char env[ENV_MAX + 1];
    } buf;
    /* children are reaped by the kernel; the runtime holds pidfds */
    signal(SIGCHLD, SIG_IGN);
    const struct spawn_req *peek = req;
    if (len < sizeof buf.rq || len > sizeof buf.rq + ENV_MAX ||
        nfds != (peek->has_init ? NFDS : NFDS - 1u)) {
        for (size_t i = 0; i < nfds; i++)
            close(fds[i]);
        return;
    }
    memcpy(&buf, req, len);
    buf.env[len - sizeof buf.rq] = '\0';
    buf.rq.env_len = (uint32_t)(len - sizeof buf.rq);
    buf.rq.file[PATH_MAX - 1] = buf.rq.root[PATH_MAX - 1] = '\0';
    int pidfd = -1;
    long pid = syscall(SYS_clone,
                       (unsigned long)((buf.rq.clone_flags & NS_FLAGS) |
                                       CLONE_PIDFD | SIGCHLD),
                       NULL, &pidfd, NULL, NULL);
    if (pid == 0)
        worker_main(&buf.rq, buf.env, fds, nfds);
    reply(fds[FD_REPLY], pid < 0 ? errno : 0, (pid_t)pid, pidfd);
    if (pidfd >= 0)
        close(pidfd);
    for (size_t i = 0; i < nfds; i++)
        close(fds[i]);
}
