#define _GNU_SOURCE
/* Floor for the IPC benchmarks: the same loops as bench/emilua/ipc_*.lua
 * in plain C on libuv, in one thread.
 *
 *   ipc_uv stream|pipe CHUNKS   writes CHUNKS x 64 KiB through a unix
 *                               stream socket pair or a pipe (uv_pipe_t
 *                               on each end) and prints the bytes read;
 *   ipc_uv seqpacket N          N round trips of a 64-byte message over a
 *                               seqpacket pair (uv_poll_t on each end,
 *                               one send/recv per readiness) and prints N. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#define CHUNK 65536

static uv_loop_t *loop;
static uv_pipe_t rd, wr;
static uv_write_t wreq;
static char wbuf[CHUNK], rbuf[CHUNK];
static long chunks_left;
static long long total;

static void on_write(uv_write_t *req, int status);

static void write_next(void)
{
    if (chunks_left-- == 0) {
        uv_close((uv_handle_t *)&wr, NULL);
        return;
    }
    uv_buf_t b = uv_buf_init(wbuf, CHUNK);
    uv_write(&wreq, (uv_stream_t *)&wr, &b, 1, on_write);
}

static void on_write(uv_write_t *req, int status)
{
    if (status < 0) {
        fprintf(stderr, "write: %s\n", uv_strerror(status));
        exit(1);
    }
    write_next();
}

static void on_alloc(uv_handle_t *h, size_t hint, uv_buf_t *b)
{
    *b = uv_buf_init(rbuf, CHUNK);
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)
{
    if (n > 0)
        total += n;
    else if (n < 0)
        uv_close((uv_handle_t *)s, NULL);
}

static int bulk(int fds[2], long chunks)
{
    chunks_left = chunks;
    uv_pipe_init(loop, &rd, 0);
    uv_pipe_init(loop, &wr, 0);
    uv_pipe_open(&rd, fds[0]);
    uv_pipe_open(&wr, fds[1]);
    uv_read_start((uv_stream_t *)&rd, on_alloc, on_read);
    write_next();
    uv_run(loop, UV_RUN_DEFAULT);
    printf("%lld\n", total);
    return 0;
}

/* seqpacket round trips */
static uv_poll_t client, server;
static int cfd, sfd;
static long trips_left, trips;
static char msg[64];

static void on_server(uv_poll_t *h, int status, int events)
{
    char b[64];
    ssize_t n = recv(sfd, b, sizeof b, 0);
    if (n <= 0) {
        uv_close((uv_handle_t *)h, NULL);
        return;
    }
    send(sfd, b, (size_t)n, 0);
}

static void on_client(uv_poll_t *h, int status, int events)
{
    char b[64];
    if (recv(cfd, b, sizeof b, 0) != 64)
        exit(1);
    trips++;
    if (--trips_left == 0) {
        uv_close((uv_handle_t *)h, NULL);
        shutdown(cfd, SHUT_RDWR);
        return;
    }
    send(cfd, msg, sizeof msg, 0);
}

static int round_trips(long n)
{
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0,
                   fds) != 0)
        return 1;
    cfd = fds[0];
    sfd = fds[1];
    trips_left = n;
    uv_poll_init(loop, &client, cfd);
    uv_poll_init(loop, &server, sfd);
    uv_poll_start(&client, UV_READABLE, on_client);
    uv_poll_start(&server, UV_READABLE, on_server);
    send(cfd, msg, sizeof msg, 0);
    uv_run(loop, UV_RUN_DEFAULT);
    printf("%ld\n", trips);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    loop = uv_default_loop();
    long n = atol(argv[2]);
    int fds[2];
    if (strcmp(argv[1], "stream") == 0) {
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
            return 1;
        return bulk(fds, n);
    }
    if (strcmp(argv[1], "pipe") == 0) {
        if (pipe2(fds, O_CLOEXEC) != 0)
            return 1;
        return bulk(fds, n);
    }
    if (strcmp(argv[1], "seqpacket") == 0)
        return round_trips(n);
    return 2;
}
