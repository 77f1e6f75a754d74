/* The supervisor lives while the runtime holds its socket, ignores
 * SIGINT, keeps no fd of the runtime's but stdio, and exits with status 0
 * when the socket closes. */
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "core/supervisor.h"

int main(void)
{
    /* A pipe the runtime holds when the supervisor forks (an fd a parent
     * handed over): closing the runtime's write end must end the pipe. */
    int p[2];
    CHECK(pipe(p) == 0);

    pid_t pid = 0;
    int fd = supervisor_start(&pid);
    CHECK(fd >= 0);
    CHECK(pid > 0);

    close(p[1]);
    char c;
    CHECK(read(p[0], &c, 1) == 0);   /* EOF: no copy left in the child */
    close(p[0]);

    int type = 0;
    socklen_t len = sizeof type;
    CHECK(getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0);
    CHECK(type == SOCK_SEQPACKET);

    /* Still alive after a SIGINT (terminal signals are the runtime's). */
    CHECK(kill(pid, SIGINT) == 0);
    CHECK(send(fd, "x", 1, 0) == 1);   /* a request: served, ignored */
    int status;
    CHECK(waitpid(pid, &status, WNOHANG) == 0);

    close(fd);
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return check_failures;
}
