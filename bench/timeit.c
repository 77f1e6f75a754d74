/* timeit: run a command REPS times and report its wall time and peak RSS.
 *
 *   timeit [-n REPS] -o RESULT_FILE -- COMMAND [ARGS...]
 *
 * The child inherits stdin/stdout/stderr untouched, so the caller's shell
 * redirections apply to the benchmarked program, and the figures go to
 * RESULT_FILE as one line:
 *
 *   runs=N min=SECONDS median=SECONDS mean=SECONDS max_rss_kb=KB status=S
 *
 * Wall time is CLOCK_MONOTONIC around fork..wait4.  Peak RSS is ru_maxrss
 * from wait4, which on Linux also covers the child's own reaped children
 * (so `sh -c 'a | b'` reports the larger of a and b).  Runs stop at the
 * first failing one; status is its exit status (128+signal if killed). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void usage(void)
{
    fprintf(stderr,
            "usage: timeit [-n REPS] -o RESULT_FILE -- COMMAND [ARGS...]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    long reps = 1;
    const char *out = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "+n:o:")) != -1) {
        switch (opt) {
        case 'n':
            reps = strtol(optarg, NULL, 10);
            if (reps < 1)
                usage();
            break;
        case 'o':
            out = optarg;
            break;
        default:
            usage();
        }
    }
    if (!out || optind >= argc)
        usage();
    char **cmd = argv + optind;

    /* Opened before the runs so a bad path fails fast; O_CLOEXEC keeps it
     * out of the benchmarked program. */
    int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "timeit: %s: %s\n", out, strerror(errno));
        return 2;
    }

    double *walls = malloc((size_t)reps * sizeof *walls);
    if (!walls) {
        perror("timeit");
        return 2;
    }
    double min = 0, sum = 0;
    long max_rss = 0, runs = 0;
    int status = 0;
    for (long i = 0; i < reps; i++) {
        double t0 = now();
        pid_t pid = fork();
        if (pid < 0) {
            perror("timeit: fork");
            return 2;
        }
        if (pid == 0) {
            execvp(cmd[0], cmd);
            fprintf(stderr, "timeit: %s: %s\n", cmd[0], strerror(errno));
            _exit(127);
        }
        int ws;
        struct rusage ru;
        while (wait4(pid, &ws, 0, &ru) < 0) {
            if (errno != EINTR) {
                perror("timeit: wait4");
                return 2;
            }
        }
        double dt = now() - t0;
        walls[runs++] = dt;
        sum += dt;
        if (runs == 1 || dt < min)
            min = dt;
        if (ru.ru_maxrss > max_rss)
            max_rss = ru.ru_maxrss;
        if (WIFEXITED(ws))
            status = WEXITSTATUS(ws);
        else if (WIFSIGNALED(ws))
            status = 128 + WTERMSIG(ws);
        if (status != 0)
            break;
    }

    qsort(walls, (size_t)runs, sizeof *walls, cmp_double);
    double median = runs % 2 ? walls[runs / 2]
                             : (walls[runs / 2 - 1] + walls[runs / 2]) / 2;
    dprintf(fd, "runs=%ld min=%.6f median=%.6f mean=%.6f max_rss_kb=%ld "
            "status=%d\n", runs, min, median, sum / (double)runs, max_rss,
            status);
    free(walls);
    close(fd);
    return 0;
}
