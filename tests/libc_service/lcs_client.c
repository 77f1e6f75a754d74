/* The sandboxed side of the libc_service tests, linked against
 * libemilua-libc-service.  It first forbids itself open and openat with
 * seccomp (so a file can reach it only as an fd from the master), then
 * makes each of the 17 calls once and prints what it got.  DIR is a
 * directory of the test's. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static char dir[512];

static const char *p(const char *name)
{
    static char bufs[4][600];
    static int i;
    char *b = bufs[i++ % 4];
    snprintf(b, sizeof bufs[0], "%s/%s", dir, name);
    return b;
}

static void show(const char *what, int rc)
{
    if (rc < 0)
        printf("%s -> %d %s\n", what, rc, strerror(errno));
    else
        printf("%s -> %d\n", what, rc);
}

static void show_fd(const char *what, int fd)
{
    if (fd < 0) {
        show(what, fd);
        return;
    }
    char buf[128];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    buf[strcspn(buf, "\n")] = 0;
    printf("%s -> fd, reads \"%s\", cloexec %d\n", what, buf,
           (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    close(fd);
}

static void forbid_open(void)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx || seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(open), 0) ||
        seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(openat), 0) ||
        seccomp_load(ctx)) {
        fprintf(stderr, "seccomp failed\n");
        exit(2);
    }
    seccomp_release(ctx);
    /* the kernel's own open now fails */
    long rc = syscall(SYS_openat, AT_FDCWD, p("allowed.txt"), O_RDONLY);
    printf("raw openat -> %ld %s\n", rc, rc < 0 ? strerror(errno) : "");
}

static void sockets(int port)
{
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    snprintf(un.sun_path, sizeof un.sun_path, "%s", p("sock"));
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    show("bind_unix", bind(s, (struct sockaddr *)&un, sizeof un));
    close(s);
    s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    show("connect_unix", connect(s, (struct sockaddr *)&un, sizeof un));
    close(s);

    struct sockaddr_in in = {.sin_family = AF_INET,
                             .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
    s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    show("connect_inet", connect(s, (struct sockaddr *)&in, sizeof in));
    if (write(s, "x", 1) == 1)
        printf("connect_inet: the socket is connected\n");
    close(s);
    in.sin_port = 0;
    s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    show("bind_inet", bind(s, (struct sockaddr *)&in, sizeof in));
    close(s);

    struct sockaddr_in6 in6 = {.sin6_family = AF_INET6,
                               .sin6_port = htons(9)};
    inet_pton(AF_INET6, "::1", &in6.sin6_addr);
    s = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    show("connect_inet6", connect(s, (struct sockaddr *)&in6, sizeof in6));
    close(s);
    s = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    show("bind_inet6", bind(s, (struct sockaddr *)&in6, sizeof in6));
    close(s);
}

static void resolve(const char *node, const char *service)
{
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res;
    int rc = getaddrinfo(node, service, &hints, &res);
    if (rc != 0) {
        printf("getaddrinfo %s -> %s\n", node, gai_strerror(rc));
        return;
    }
    printf("getaddrinfo %s ->", node);
    for (struct addrinfo *a = res; a; a = a->ai_next) {
        char host[64];
        int port;
        if (a->ai_family == AF_INET) {
            struct sockaddr_in *in = (struct sockaddr_in *)a->ai_addr;
            inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
            port = ntohs(in->sin_port);
        } else {
            struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)a->ai_addr;
            inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
            port = ntohs(in6->sin6_port);
        }
        printf(" %s:%d", host, port);
    }
    printf("%s\n", res ? "" : " (empty)");
    freeaddrinfo(res);
}

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    setvbuf(stdout, NULL, _IOLBF, 0);
    snprintf(dir, sizeof dir, "%s", argv[1]);
    forbid_open();

    show_fd("open allowed", open(p("allowed.txt"), O_RDONLY));
    show_fd("open denied", open(p("denied.txt"), O_RDONLY | O_CLOEXEC));
    int d = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    show_fd("openat", openat(d, "allowed.txt", O_RDONLY | O_CLOEXEC));
    close(d);
    show("mkdir", mkdir(p("sub"), 0750));
    show("rmdir", rmdir(p("sub")));
    show("rename", rename(p("a"), p("b")));
    show("unlink", unlink(p("b")));
    struct stat st;
    int rc = stat(p("allowed.txt"), &st);
    show("stat", rc);
    if (rc == 0)
        printf("stat: regular %d size %lld mode %o mtime %lld.%09ld\n",
               S_ISREG(st.st_mode), (long long)st.st_size,
               (unsigned)(st.st_mode & 07777), (long long)st.st_mtim.tv_sec,
               st.st_mtim.tv_nsec);
    show("lstat", lstat(p("link"), &st));
    show("access", access(p("allowed.txt"), R_OK | W_OK));
    show("eaccess", eaccess(p("allowed.txt"), F_OK));
    sockets(atoi(argv[2]));
    resolve("host.example", "80");
    resolve("nowhere.example", NULL);
    return 0;
}
