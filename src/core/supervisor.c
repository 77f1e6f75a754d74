/* The supervisor: a process forked at the start of main(), before any
 * thread or secret exists, from which subprocess actors will be forked.
 * For now it only serves its socket and leaves when the runtime closes
 * it. */
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "supervisor.h"

static void serve(int fd)
{
    char buf[4096];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n == 0)
            _exit(0);          /* the runtime went away */
        if (n < 0 && errno != EINTR)
            _exit(1);
        /* requests (spawning subprocess actors) come with a later module */
    }
}

int supervisor_start(pid_t *child)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
        return -1;
    /* Terminal signals are for the runtime; the supervisor follows its
     * socket.  SIGINT stays blocked across fork() so that none can reach
     * the child before it ignores it. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, &old);
    pid_t pid = fork();
    if (pid == 0) {
        /* Only stdio and its socket: an fd a parent handed the runtime
         * must close when the runtime closes it. */
        if (sv[1] > 3)
            close_range(3, (unsigned)sv[1] - 1, 0);
        close_range((unsigned)sv[1] + 1, ~0U, 0);
        signal(SIGINT, SIG_IGN);
        signal(SIGPIPE, SIG_IGN);
        sigprocmask(SIG_SETMASK, &old, NULL);
        prctl(PR_SET_NAME, "emilua-superv", 0, 0, 0);
        serve(sv[1]);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    close(sv[1]);
    if (child)
        *child = pid;
    return sv[0];
}

/* main() forks it first; this retries when that fork failed. */
int supervisor_socket(emilua_process *p)
{
    if (p->supervisor_fd < 0)
        p->supervisor_fd = supervisor_start(NULL);
    return p->supervisor_fd;
}
