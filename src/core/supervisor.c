/* The supervisor: a process forked at the start of main(), before any
 * thread or secret exists, from which subprocess actors will be forked.
 * For now it only serves its socket and leaves when the runtime closes
 * it. */
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string.h>

#include "ipc.h"
#include "supervisor.h"

static void serve(int fd)
{
    static char buf[1 << 17];
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int) * 8)];
    } ctl;
    for (;;) {
        struct iovec iov = {buf, sizeof buf};
        struct msghdr msg = {0};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = ctl.buf;
        msg.msg_controllen = sizeof ctl.buf;
        ssize_t n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
        if (n == 0)
            _exit(0);          /* the runtime went away */
        if (n < 0) {
            if (errno != EINTR)
                _exit(1);
            continue;
        }
        int fds[8];
        size_t nfds = 0;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c;
             c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
                continue;
            size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (size_t i = 0; i < k && nfds < 8; i++)
                memcpy(&fds[nfds++], CMSG_DATA(c) + i * sizeof(int),
                       sizeof(int));
        }
        subprocess_serve(buf, (size_t)n, fds, nfds);
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
        /* Only stdio and its socket, so that no actor it creates
         * inherits the runtime's files (nor keeps a pipe handed to the
         * runtime open).  It never uses libuv, so whatever libuv's fork
         * handlers made in the child may go too. */
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
