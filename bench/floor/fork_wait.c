/* The floor of spawning: fork(), the child exits, waitpid(); argv[1]
 * times.  Prints the count. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200;
    for (int i = 0; i < n; i++) {
        pid_t p = fork();
        if (p == 0)
            _exit(0);
        if (p < 0 || waitpid(p, NULL, 0) != p)
            return 1;
    }
    printf("%d\n", n);
    return 0;
}
