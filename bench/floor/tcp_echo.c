/* tcp_echo: the C floor of the TCP echo benchmark, and a plain echo server.
 *
 *   tcp_echo [CLIENTS [ROUNDS]]     (defaults: 50 clients, 4000 rounds)
 *   tcp_echo --serve [PORT]         (default port 0: the kernel picks one)
 *
 * First form: one process, one libuv loop.  A server on 127.0.0.1 (port
 * picked by the kernel) echoes every connection; CLIENTS clients connect to
 * it and each does ROUNDS round trips of a 64-byte message, TCP_NODELAY on
 * both ends.  Client c (1-based) sends in round r (1-based) a message whose
 * first byte is (c + r) % 256 and whose byte j (0-based, j >= 1) is j.  Each
 * reply must equal the message sent; the program prints the sum of the
 * first bytes of all replies, which bench/emilua/tcp_echo.lua prints too.
 * Exit 1 on any wrong byte, early disconnect or error.
 *
 * Second form: only the server, on 127.0.0.1:PORT; it prints "port N" once
 * it listens and serves until killed.  bench/soak uses it to check its load
 * generator.
 *
 * Each connection reads into its own buffer, echoes with uv_try_write and
 * only falls back to uv_write (reading stopped meanwhile, so the buffer stays
 * put) when the kernel takes less than all of it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#define MSG 64
#define SERVER_BUF 16384

static uv_loop_t *loop;
static long n_errors;

static void fail(const char *what, int err)
{
    fprintf(stderr, "tcp_echo: %s: %s\n", what, uv_strerror(err));
    n_errors++;
}

/* ---- server side ---------------------------------------------------- */

struct peer {
    uv_tcp_t tcp;
    uv_write_t wreq;
    char buf[SERVER_BUF];
};

static void peer_closed(uv_handle_t *h) { free(h->data); }

static void peer_close(struct peer *p)
{
    if (!uv_is_closing((uv_handle_t *)&p->tcp))
        uv_close((uv_handle_t *)&p->tcp, peer_closed);
}

static void peer_alloc(uv_handle_t *h, size_t hint, uv_buf_t *b)
{
    struct peer *p = h->data;
    (void)hint;
    *b = uv_buf_init(p->buf, sizeof p->buf);
}

static void peer_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b);

static void peer_written(uv_write_t *w, int status)
{
    struct peer *p = w->data;
    if (status < 0) {
        peer_close(p);
        return;
    }
    uv_read_start((uv_stream_t *)&p->tcp, peer_alloc, peer_read);
}

static void peer_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)
{
    struct peer *p = s->data;
    if (n < 0) {  /* EOF or reset: the peer is gone either way */
        peer_close(p);
        return;
    }
    if (n == 0)
        return;
    uv_buf_t out = uv_buf_init(b->base, (unsigned)n);
    int w = uv_try_write(s, &out, 1);
    if (w == n)
        return;
    if (w < 0 && w != UV_EAGAIN) {
        peer_close(p);
        return;
    }
    if (w > 0)
        out = uv_buf_init(b->base + w, (unsigned)(n - w));
    uv_read_stop(s);
    p->wreq.data = p;
    if (uv_write(&p->wreq, s, &out, 1, peer_written) < 0)
        peer_close(p);
}

static void on_connection(uv_stream_t *server, int status)
{
    if (status < 0) {
        fail("accept", status);
        return;
    }
    struct peer *p = malloc(sizeof *p);
    if (!p)
        abort();
    uv_tcp_init(loop, &p->tcp);
    p->tcp.data = p;
    int err = uv_accept(server, (uv_stream_t *)&p->tcp);
    if (err < 0) {
        fail("accept", err);
        peer_close(p);
        return;
    }
    uv_tcp_nodelay(&p->tcp, 1);
    uv_read_start((uv_stream_t *)&p->tcp, peer_alloc, peer_read);
}

static int listen_on(uv_tcp_t *server, int port)
{
    struct sockaddr_in sin;
    uv_ip4_addr("127.0.0.1", port, &sin);
    uv_tcp_init(loop, server);
    int err = uv_tcp_bind(server, (const struct sockaddr *)&sin, 0);
    if (err == 0)
        err = uv_listen((uv_stream_t *)server, 4096, on_connection);
    if (err < 0) {
        fail("listen", err);
        return -1;
    }
    struct sockaddr_storage ss;
    int len = sizeof ss;
    uv_tcp_getsockname(server, (struct sockaddr *)&ss, &len);
    return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

/* ---- client side ---------------------------------------------------- */

struct client {
    uv_tcp_t tcp;
    uv_connect_t creq;
    uv_write_t wreq;
    int id, round, rounds, got;
    unsigned char msg[MSG], reply[MSG];
};

static uv_tcp_t server;
static int clients_left;
static uint64_t checksum;

static void client_closed(uv_handle_t *h)
{
    (void)h;
    if (--clients_left == 0)
        uv_close((uv_handle_t *)&server, NULL);
}

static void client_close(struct client *c)
{
    if (!uv_is_closing((uv_handle_t *)&c->tcp))
        uv_close((uv_handle_t *)&c->tcp, client_closed);
}

static void client_written(uv_write_t *w, int status)
{
    if (status < 0) {
        fail("client write", status);
        client_close(w->data);
    }
}

static void client_send(struct client *c)
{
    c->msg[0] = (unsigned char)((c->id + c->round) % 256);
    c->got = 0;
    uv_buf_t b = uv_buf_init((char *)c->msg, MSG);
    int w = uv_try_write((uv_stream_t *)&c->tcp, &b, 1);
    if (w == MSG)
        return;
    if (w < 0 && w != UV_EAGAIN) {
        fail("client write", w);
        client_close(c);
        return;
    }
    if (w > 0)
        b = uv_buf_init((char *)c->msg + w, (unsigned)(MSG - w));
    c->wreq.data = c;
    uv_write(&c->wreq, (uv_stream_t *)&c->tcp, &b, 1, client_written);
}

static void client_alloc(uv_handle_t *h, size_t hint, uv_buf_t *b)
{
    struct client *c = h->data;
    (void)hint;
    *b = uv_buf_init((char *)c->reply + c->got, (unsigned)(MSG - c->got));
}

static void client_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)
{
    struct client *c = s->data;
    (void)b;
    if (n < 0) {
        fail("client read (early disconnect)", (int)n);
        client_close(c);
        return;
    }
    c->got += (int)n;
    if (c->got < MSG)
        return;
    if (memcmp(c->reply, c->msg, MSG) != 0) {
        fprintf(stderr, "tcp_echo: client %d round %d: wrong bytes\n",
                c->id, c->round);
        n_errors++;
    }
    checksum += c->reply[0];
    if (++c->round > c->rounds) {
        client_close(c);
        return;
    }
    client_send(c);
}

static void client_connected(uv_connect_t *req, int status)
{
    struct client *c = req->data;
    if (status < 0) {
        fail("connect", status);
        client_close(c);
        return;
    }
    uv_tcp_nodelay(&c->tcp, 1);
    uv_read_start((uv_stream_t *)&c->tcp, client_alloc, client_read);
    client_send(c);
}

static int run_clients(int n, int rounds)
{
    int port = listen_on(&server, 0);
    if (port < 0)
        return 1;
    struct sockaddr_in sin;
    uv_ip4_addr("127.0.0.1", port, &sin);
    struct client *cs = calloc((size_t)n, sizeof *cs);
    if (!cs)
        abort();
    clients_left = n;
    for (int i = 0; i < n; i++) {
        struct client *c = &cs[i];
        c->id = i + 1;
        c->round = 1;
        c->rounds = rounds;
        for (int j = 1; j < MSG; j++)
            c->msg[j] = (unsigned char)j;
        uv_tcp_init(loop, &c->tcp);
        c->tcp.data = c;
        c->creq.data = c;
        int err = uv_tcp_connect(&c->creq, &c->tcp,
                                 (const struct sockaddr *)&sin,
                                 client_connected);
        if (err < 0) {
            fail("connect", err);
            client_close(c);
        }
    }
    uv_run(loop, UV_RUN_DEFAULT);
    for (int i = 0; i < n; i++)
        if (cs[i].round <= rounds) {
            fprintf(stderr, "tcp_echo: client %d stopped at round %d\n",
                    cs[i].id, cs[i].round);
            n_errors++;
        }
    free(cs);
    printf("%llu\n", (unsigned long long)checksum);
    return n_errors ? 1 : 0;
}

int main(int argc, char **argv)
{
    loop = uv_default_loop();
    if (argc >= 2 && strcmp(argv[1], "--serve") == 0) {
        int port = listen_on(&server, argc >= 3 ? atoi(argv[2]) : 0);
        if (port < 0)
            return 1;
        printf("port %d\n", port);
        fflush(stdout);
        return uv_run(loop, UV_RUN_DEFAULT);
    }
    int n = argc >= 2 ? atoi(argv[1]) : 50;
    int rounds = argc >= 3 ? atoi(argv[2]) : 4000;
    if (n < 1 || rounds < 1) {
        fprintf(stderr, "usage: tcp_echo [CLIENTS [ROUNDS]] | --serve [PORT]\n");
        return 2;
    }
    return run_clients(n, rounds);
}
