/* Floor for the spawn benchmark: posix_spawn(3) of /bin/true and
 * waitpid(2), N times (argv[1], default 2,000); prints how many exited
 * with status 0. */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 2000, ok = 0;
    char *args[] = {"true", NULL};
    char *env[] = {NULL};
    for (long i = 0; i < n; i++) {
        pid_t pid;
        int status;
        if (posix_spawn(&pid, "/bin/true", NULL, NULL, args, env) != 0)
            continue;
        if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
            WEXITSTATUS(status) == 0)
            ok++;
    }
    printf("%ld\n", ok);
    return 0;
}
