/* The clone side of system.spawn: a clone with CLONE_PIDFD, then the
 * child's steps up to exec.
 *
 * The child runs in our address space (or in a fork-like copy of it, see
 * clone_pidfd()) of a possibly multithreaded process, so from the clone
 * to the exec it only makes async-signal-safe calls, on memory prepared
 * by the parent (struct spawn_plan), and writes none of ours but the
 * "\0pid" variable.  A failing step
 * sends {step, errno} through a close-on-exec pipe and ends with _exit()
 * (no atexit handlers, no stdio flush); a successful exec closes the pipe,
 * so the parent reads either a report or end of file. */
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <linux/filter.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <grp.h>
#include <pthread.h>
#include <unistd.h>

#include "spawn.h"

static const char *const step_names[] = {
    [STEP_SIGNALS] = "signals", [STEP_PDEATHSIG] = "pdeathsig",
    [STEP_SETNS_USER] = "setns_user", [STEP_SETNS_MOUNT] = "setns_mount",
    [STEP_SETNS_UTS] = "setns_uts", [STEP_SETNS_IPC] = "setns_ipc",
    [STEP_SETNS_NET] = "setns_net", [STEP_SETSID] = "start_new_session",
    [STEP_SET_CTTY] = "set_ctty", [STEP_SETPGID] = "process_group",
    [STEP_FOREGROUND] = "foreground", [STEP_SCHEDULER] = "scheduler",
    [STEP_SETGROUPS] = "extra_groups", [STEP_SETRESGID] = "setresgid",
    [STEP_SETRESUID] = "setresuid", [STEP_UMASK] = "umask",
    [STEP_WORKING_DIRECTORY] = "working_directory", [STEP_FDS] = "fds",
    [STEP_NO_NEW_PRIVS] = "set_no_new_privs",
    [STEP_LANDLOCK] = "landlock_restrict_self",
    [STEP_SECCOMP] = "seccomp_set_mode_filter", [STEP_EXEC] = "exec",
    [STEP_UID_MAP] = "uid_map", [STEP_GID_MAP] = "gid_map",
};

const char *spawn_step_name(int step)
{
    if (step <= 0 || step > STEP_GID_MAP)
        return "spawn";
    return step_names[step];
}

/* ---- the child ------------------------------------------------------------ */

/* The child runs on a stack of its own in our memory: AddressSanitizer
 * would take it for a corrupt stack of ours (its checks around noreturn
 * calls), so the child's own code is left uninstrumented. */
#define CHILD_CODE __attribute__((no_sanitize("address")))

CHILD_CODE static _Noreturn void fail(int report_fd, int step)
{
    int msg[2] = {step, errno};
    ssize_t n;
    do
        n = write(report_fd, msg, sizeof msg);
    while (n < 0 && errno == EINTR);
    _exit(127);
}

/* Writes the decimal pid into buf (room for 20 digits and the NUL). */
CHILD_CODE static void put_pid(char *buf, pid_t pid)
{
    char tmp[24];
    int n = 0;
    unsigned long v = (unsigned long)pid;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *buf++ = tmp[--n];
    *buf = '\0';
}

/* Moves the requested fds to their numbers.  Sources that are themselves
 * low numbers are first lifted above SPAWN_MAX_FD, so that no dup2()
 * overwrites a source still to be used. */
CHILD_CODE static int place_fds(const struct spawn_plan *p)
{
    int src[SPAWN_MAX_FD + 1];
    for (int i = 0; i <= SPAWN_MAX_FD; i++) {
        int s = p->fds[i];
        if (s == SPAWN_FD_CLOSED_PIPE)
            s = i == 0 ? p->pipe_rd : p->pipe_wr;
        src[i] = s;
    }
    for (int i = 0; i <= SPAWN_MAX_FD; i++) {
        if (src[i] < 0 || src[i] > SPAWN_MAX_FD)
            continue;
        int moved = fcntl(src[i], F_DUPFD_CLOEXEC, SPAWN_MAX_FD + 1);
        if (moved < 0)
            return -1;
        for (int j = i + 1; j <= SPAWN_MAX_FD; j++)
            if (src[j] == src[i])
                src[j] = moved;
        src[i] = moved;
    }
    for (int i = 0; i <= SPAWN_MAX_FD; i++) {
        if (src[i] < 0)
            continue;
        if (dup2(src[i], i) < 0)
            return -1;
        /* Our IO objects leave their fds nonblocking; programs expect
         * blocking stdio (the flag is the shared open file's, but the
         * fd was handed over to the child). */
        int fl = fcntl(i, F_GETFL);
        if (fl >= 0 && (fl & O_NONBLOCK))
            fcntl(i, F_SETFL, fl & ~O_NONBLOCK);
    }
    return 0;
}

CHILD_CODE static int setns_fd(int fd, int nstype)
{
    return fd < 0 ? 0 : setns(fd, nstype);
}

CHILD_CODE static void exec_program(const struct spawn_plan *p)
{
    switch (p->program) {
    case PROGRAM_PATH:
        execve(p->path, p->argv, p->envp);
        return;
    case PROGRAM_FD:
        syscall(SYS_execveat, p->program_fd, "", p->argv, p->envp,
                AT_EMPTY_PATH);
        return;
    case PROGRAM_SEARCH: {
        /* execvp(3)'s rules: go on past missing entries, remember a
         * permission error for the end, stop at anything else. */
        bool denied = false;
        for (const char *const *c = p->candidates; *c; c++) {
            execve(*c, p->argv, p->envp);
            switch (errno) {
            case EACCES:
                denied = true;
                break;
            case ENOENT: case ENOTDIR: case ESTALE: case ENODEV:
            case ETIMEDOUT:
                break;
            default:
                return;
            }
        }
        errno = denied ? EACCES : ENOENT;
        return;
    }
    }
}

CHILD_CODE static _Noreturn void child_main(const struct spawn_plan *p, int report_fd)
{
    /* Handlers are the parent's and would run here on its data. */
    for (int sig = 1; sig < _NSIG; sig++) {
        struct sigaction sa;
        if (sig == SIGKILL || sig == SIGSTOP ||
            sigaction(sig, NULL, &sa) != 0 || sa.sa_handler == SIG_DFL)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = SIG_DFL;
        sigaction(sig, &sa, NULL);
    }
    if (p->sync_fd >= 0) {
        /* one byte once the parent wrote our uid and gid maps */
        char go;
        ssize_t n;
        do
            n = read(p->sync_fd, &go, 1);
        while (n < 0 && errno == EINTR);
        if (n != 1)
            _exit(127);     /* the parent failed and kills us */
    }
    if (p->pdeathsig && prctl(PR_SET_PDEATHSIG, p->pdeathsig) != 0)
        fail(report_fd, STEP_PDEATHSIG);
    /* The user namespace first: it grants the rights for the others. */
    if (setns_fd(p->setns_user, CLONE_NEWUSER) != 0)
        fail(report_fd, STEP_SETNS_USER);
    if (setns_fd(p->setns_mount, CLONE_NEWNS) != 0)
        fail(report_fd, STEP_SETNS_MOUNT);
    if (setns_fd(p->setns_uts, CLONE_NEWUTS) != 0)
        fail(report_fd, STEP_SETNS_UTS);
    if (setns_fd(p->setns_ipc, CLONE_NEWIPC) != 0)
        fail(report_fd, STEP_SETNS_IPC);
    if (setns_fd(p->setns_net, CLONE_NEWNET) != 0)
        fail(report_fd, STEP_SETNS_NET);
    if (p->start_new_session && setsid() < 0)
        fail(report_fd, STEP_SETSID);
    if (p->set_ctty >= 0 && ioctl(p->set_ctty, TIOCSCTTY, 0) != 0)
        fail(report_fd, STEP_SET_CTTY);
    if (p->has_process_group && setpgid(0, p->process_group) != 0)
        fail(report_fd, STEP_SETPGID);
    /* SIGTTOU is still blocked, as tcsetpgrp() from the background needs */
    if (p->foreground >= 0 && tcsetpgrp(p->foreground, getpgrp()) != 0)
        fail(report_fd, STEP_FOREGROUND);
    if (p->sched_policy >= 0) {
        struct sched_param sp = {.sched_priority = p->sched_priority};
        int policy = p->sched_policy;
        if (p->sched_reset_on_fork)
            policy |= SCHED_RESET_ON_FORK;
        if (sched_setscheduler(0, policy, &sp) != 0)
            fail(report_fd, STEP_SCHEDULER);
    }
    /* Groups before gids before uids: each needs the privileges the next
     * one may drop. */
    if (p->has_groups && setgroups(p->ngroups, p->groups) != 0)
        fail(report_fd, STEP_SETGROUPS);
    if ((p->rgid >= 0 || p->egid >= 0) &&
        setresgid((gid_t)p->rgid, (gid_t)p->egid, (gid_t)-1) != 0)
        fail(report_fd, STEP_SETRESGID);
    if ((p->ruid >= 0 || p->euid >= 0) &&
        setresuid((uid_t)p->ruid, (uid_t)p->euid, (uid_t)-1) != 0)
        fail(report_fd, STEP_SETRESUID);
    if (p->umask >= 0)
        umask((mode_t)p->umask);
    if (p->working_directory && chdir(p->working_directory) != 0)
        fail(report_fd, STEP_WORKING_DIRECTORY);
    if (p->working_directory_fd >= 0 && fchdir(p->working_directory_fd) != 0)
        fail(report_fd, STEP_WORKING_DIRECTORY);
    if (place_fds(p) != 0)
        fail(report_fd, STEP_FDS);
    if (p->pid_var)
        put_pid(p->pid_var, getpid());
    if (p->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        fail(report_fd, STEP_NO_NEW_PRIVS);
    if (p->landlock_fd >= 0 &&
        syscall(SYS_landlock_restrict_self, p->landlock_fd, 0) != 0)
        fail(report_fd, STEP_LANDLOCK);
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, NULL);
    /* Last, so that the filter only has to allow the exec itself. */
    if (p->seccomp_filter) {
        struct sock_fprog prog = {
            .len = p->seccomp_len,
            .filter = (struct sock_filter *)p->seccomp_filter,
        };
        if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
            fail(report_fd, STEP_SECCOMP);
    }
    exec_program(p);
    fail(report_fd, STEP_EXEC);
}

/* ---- the parent ------------------------------------------------------------ */

struct child_args {
    const struct spawn_plan *plan;
    int report_fd;
};

CHILD_CODE static int child_entry(void *arg)
{
    struct child_args *a = arg;
    child_main(a->plan, a->report_fd);
}

/* The child's stack while it shares our memory: big enough for the libc
 * calls it makes, also under the sanitizers. */
#define CHILD_STACK_SIZE (96 * 1024)

/* vfork-like: the child borrows our address space until its exec, and we
 * sleep meanwhile (CLONE_VFORK), so no page table is copied; posix_spawn
 * does the same.  A fork-like clone3 (no shared memory, same child code)
 * is the fallback for kernels or sandboxes that refuse the first. */
static pid_t clone_pidfd(int *pidfd, struct child_args *a)
{
    /* New namespaces need the parent awake (it writes the maps) and a
     * child of its own: those take the fork-like path. */
    void *stack = a->plan->newns_flags ? NULL : malloc(CHILD_STACK_SIZE);
    pid_t pid = -1;
    if (stack) {
        pid = clone(child_entry, (char *)stack + CHILD_STACK_SIZE,
                    CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, a,
                    pidfd);
        int err = errno;
        free(stack);
        errno = err;
        if (pid >= 0 || (errno != EINVAL && errno != ENOSYS))
            return pid;
    }
    struct clone_args args = {
        .flags = CLONE_PIDFD | a->plan->newns_flags,
        .pidfd = (uint64_t)(uintptr_t)pidfd,
        .exit_signal = SIGCHLD,
    };
    long r = syscall(SYS_clone3, &args, sizeof args);
    if (r < 0 && errno == ENOSYS)
        /* clone(2) stores the pidfd where the parent's tid would go */
        r = syscall(SYS_clone, CLONE_PIDFD | a->plan->newns_flags | SIGCHLD,
                    NULL, pidfd, NULL, NULL);
    if (r == 0)
        child_main(a->plan, a->report_fd);
    return (pid_t)r;
}

/* Writes text to /proc/PID/NAME; 0 or a negative errno value. */
static int write_proc(pid_t pid, const char *name, const char *text)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, name);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    size_t len = strlen(text);
    int rc = write(fd, text, len) == (ssize_t)len ? 0 : -errno;
    close(fd);
    return rc;
}

/* The maps of the child's new user namespace, then its go-ahead. */
static int map_ids(const struct spawn_plan *p, pid_t child, int *step)
{
    int rc = 0;
    if (p->uid_map && (rc = write_proc(child, "uid_map", p->uid_map)) < 0) {
        *step = STEP_UID_MAP;
        return rc;
    }
    if (p->gid_map) {
        rc = write_proc(child, "gid_map", p->gid_map);
        /* without CAP_SETGID above, setgroups must go first */
        if (rc == -EPERM && write_proc(child, "setgroups", "deny") == 0)
            rc = write_proc(child, "gid_map", p->gid_map);
        if (rc < 0) {
            *step = STEP_GID_MAP;
            return rc;
        }
    }
    return 0;
}

static int read_report(int fd, int msg[2])
{
    size_t got = 0;
    while (got < sizeof(int[2])) {
        ssize_t n = read(fd, (char *)msg + got, sizeof(int[2]) - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    return (int)got;
}

int spawn_run(const struct spawn_plan *plan, pid_t *pid, int *step)
{
    *step = 0;
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0)
        return -errno;
    int sync[2] = {-1, -1};
    struct spawn_plan with_sync;
    if (plan->newns_flags & CLONE_NEWUSER) {
        if (pipe2(sync, O_CLOEXEC) != 0) {
            int err = errno;
            close(report[0]);
            close(report[1]);
            return -err;
        }
        with_sync = *plan;
        with_sync.sync_fd = sync[0];
        plan = &with_sync;
    }

    /* Blocked from before the clone until the child's exec, so that no
     * handler of ours runs in the child. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int pidfd = -1;
    struct child_args a = {plan, report[1]};
    pid_t child = clone_pidfd(&pidfd, &a);
    int err = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    close(report[1]);
    if (sync[0] >= 0)
        close(sync[0]);
    if (child < 0) {
        close(report[0]);
        if (sync[1] >= 0)
            close(sync[1]);
        return -err;
    }
    if (sync[1] >= 0) {
        int rc = map_ids(plan, child, step);
        if (rc == 0 && write(sync[1], "", 1) != 1)
            rc = -errno;
        close(sync[1]);
        if (rc < 0) {
            syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0);
            siginfo_t info;
            while (waitid((idtype_t)P_PIDFD, (id_t)pidfd, &info,
                          WEXITED) != 0 && errno == EINTR)
                ;
            close(pidfd);
            close(report[0]);
            return rc;
        }
    }

    int msg[2];
    int got = read_report(report[0], msg);
    close(report[0]);
    if (got == 0) {
        *pid = child;
        return pidfd;
    }
    /* The child failed before its exec and has exited: reap it. */
    siginfo_t info;
    while (waitid((idtype_t)P_PIDFD, (id_t)pidfd, &info, WEXITED) != 0 &&
           errno == EINTR)
        ;
    close(pidfd);
    if (got != (int)sizeof msg)
        return -EIO;
    *step = msg[0];
    return msg[1] > 0 ? -msg[1] : -EIO;
}
