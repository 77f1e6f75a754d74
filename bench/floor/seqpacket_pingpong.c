/* The floor of IPC round trips: two processes bounce a message of the
 * size of one IPC message over a seqpacket pair, argv[1] times, with
 * blocking calls.  Prints the count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../src/core/ipc_codec.h"

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    int sv[2];
    static struct ipc_wire w;
    if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) != 0)
        return 1;
    pid_t p = fork();
    if (p == 0) {
        close(sv[0]);
        while (recv(sv[1], &w, sizeof w, 0) == (ssize_t)sizeof w)
            if (send(sv[1], &w, sizeof w, 0) != (ssize_t)sizeof w)
                _exit(1);
        _exit(0);
    }
    close(sv[1]);
    for (int i = 0; i < n; i++)
        if (send(sv[0], &w, sizeof w, 0) != (ssize_t)sizeof w ||
            recv(sv[0], &w, sizeof w, 0) != (ssize_t)sizeof w)
            return 1;
    close(sv[0]);
    waitpid(p, NULL, 0);
    printf("%d\n", n);
    return 0;
}
