/* Floor for the file.stream benchmark: read(2) of the file argv[1] into a
 * 64 KiB buffer until the end; prints the bytes read. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    static char buf[65536];
    int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 1;
    long long total = 0;
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        total += n;
    printf("%lld\n", total);
    return n < 0;
}
