/* Floor for the filesystem.status benchmark: stat(2) on "/" N times
 * (argv[1], default 1M) in a plain C loop; prints how many saw a
 * directory. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000, dirs = 0;
    struct stat st;
    for (long i = 0; i < n; i++)
        if (stat("/", &st) == 0 && S_ISDIR(st.st_mode))
            dirs++;
    printf("%ld\n", dirs);
    return 0;
}
