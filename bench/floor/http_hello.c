/* http_hello: the C floor of the HTTP "hello" benchmark.
 *
 *   http_hello [PORT]      (default 0: the kernel picks one)
 *
 * An HTTP/1.1 keep-alive server on 127.0.0.1:PORT.  It prints "port N" once
 * it listens and serves until killed.  Every request (everything up to a
 * blank line; request bodies are not supported, wrk sends none) gets the
 * same response, bench/emilua/http_hello.lua sends byte for byte:
 *
 *   HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello
 *
 * Pipelined requests found in one read are answered with one write.  A
 * request head that does not fit the 8 KiB buffer closes the connection. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#define RESPONSE "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n" \
                 "Content-Type: text/plain\r\n\r\nhello"
#define IN_BUF 8192
#define OUT_BUF 65536

static uv_loop_t *loop;

struct conn {
    uv_tcp_t tcp;
    uv_write_t wreq;
    size_t have;      /* unparsed bytes at the start of in */
    size_t scanned;   /* of which already searched for the blank line */
    char in[IN_BUF];
    char out[OUT_BUF];
};

static void conn_closed(uv_handle_t *h) { free(h->data); }

static void conn_close(struct conn *c)
{
    if (!uv_is_closing((uv_handle_t *)&c->tcp))
        uv_close((uv_handle_t *)&c->tcp, conn_closed);
}

static void conn_alloc(uv_handle_t *h, size_t hint, uv_buf_t *b)
{
    struct conn *c = h->data;
    (void)hint;
    *b = uv_buf_init(c->in + c->have, (unsigned)(IN_BUF - c->have));
}

static void conn_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b);

static void conn_written(uv_write_t *w, int status)
{
    struct conn *c = w->data;
    if (status < 0)
        conn_close(c);
    else
        uv_read_start((uv_stream_t *)&c->tcp, conn_alloc, conn_read);
}

/* Counts the complete request heads in c->in and drops them. */
static size_t take_requests(struct conn *c)
{
    size_t count = 0, start = 0;
    /* A terminator may straddle the previous read: back up 3 bytes. */
    size_t from = c->scanned >= 3 ? c->scanned - 3 : 0;
    for (;;) {
        char *end = memmem(c->in + from, c->have - from, "\r\n\r\n", 4);
        if (!end)
            break;
        count++;
        start = from = (size_t)(end - c->in) + 4;
    }
    memmove(c->in, c->in + start, c->have - start);
    c->have -= start;
    c->scanned = c->have;
    return count;
}

static void conn_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)
{
    struct conn *c = s->data;
    (void)b;
    if (n < 0) {
        conn_close(c);
        return;
    }
    c->have += (size_t)n;
    size_t count = take_requests(c);
    if (count == 0) {
        if (c->have == IN_BUF)
            conn_close(c);
        return;
    }
    const size_t len = sizeof RESPONSE - 1;
    if (count > OUT_BUF / len) {  /* more pipelined than we buffer */
        conn_close(c);
        return;
    }
    for (size_t i = 0; i < count; i++)
        memcpy(c->out + i * len, RESPONSE, len);
    uv_buf_t out = uv_buf_init(c->out, (unsigned)(count * len));
    int w = uv_try_write(s, &out, 1);
    if (w == (int)out.len)
        return;
    if (w < 0 && w != UV_EAGAIN) {
        conn_close(c);
        return;
    }
    if (w > 0)
        out = uv_buf_init(c->out + w, out.len - (unsigned)w);
    uv_read_stop(s);
    c->wreq.data = c;
    if (uv_write(&c->wreq, s, &out, 1, conn_written) < 0)
        conn_close(c);
}

static void on_connection(uv_stream_t *server, int status)
{
    if (status < 0)
        return;
    struct conn *c = malloc(sizeof *c);
    if (!c)
        abort();
    c->have = c->scanned = 0;
    uv_tcp_init(loop, &c->tcp);
    c->tcp.data = c;
    if (uv_accept(server, (uv_stream_t *)&c->tcp) < 0) {
        conn_close(c);
        return;
    }
    uv_tcp_nodelay(&c->tcp, 1);
    uv_read_start((uv_stream_t *)&c->tcp, conn_alloc, conn_read);
}

int main(int argc, char **argv)
{
    loop = uv_default_loop();
    struct sockaddr_in sin;
    uv_ip4_addr("127.0.0.1", argc >= 2 ? atoi(argv[1]) : 0, &sin);
    uv_tcp_t server;
    uv_tcp_init(loop, &server);
    int err = uv_tcp_bind(&server, (const struct sockaddr *)&sin, 0);
    if (err == 0)
        err = uv_listen((uv_stream_t *)&server, 4096, on_connection);
    if (err < 0) {
        fprintf(stderr, "http_hello: listen: %s\n", uv_strerror(err));
        return 1;
    }
    struct sockaddr_storage ss;
    int len = sizeof ss;
    uv_tcp_getsockname(&server, (struct sockaddr *)&ss, &len);
    printf("port %d\n", ntohs(((struct sockaddr_in *)&ss)->sin_port));
    fflush(stdout);
    return uv_run(loop, UV_RUN_DEFAULT);
}
