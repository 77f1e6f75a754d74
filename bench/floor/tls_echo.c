/* tls_echo: the C floor of the TLS echo figure.
 *
 *   tls_echo PORT CAFILE [ROUNDS]      (default 20000 rounds)
 *
 * A TLS client on one blocking socket, against `openssl s_server -rev` on
 * 127.0.0.1:PORT (which answers each line with the line reversed).  It
 * verifies the server's certificate against CAFILE and the name "localhost",
 * then does ROUNDS round trips of a 64-byte line (63 bytes and "\n"), each
 * reply checked, and prints ROUNDS.  bench/emilua/tls_echo.lua does the same
 * over emilua's tls.socket.  Blocking calls on a single connection are the
 * cheapest way to drive it, so this is a floor, not a like-for-like event
 * loop.  Exit 1 on any error or wrong byte. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define LINE "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_\n"

static int die(const char *what)
{
    fprintf(stderr, "tls_echo: %s\n", what);
    ERR_print_errors_fp(stderr);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: tls_echo PORT CAFILE [ROUNDS]\n");
        return 2;
    }
    long rounds = argc >= 4 ? atol(argv[3]) : 20000;
    const size_t len = sizeof LINE - 1;
    char expected[sizeof LINE], reply[sizeof LINE];
    for (size_t i = 0; i + 1 < len; i++)
        expected[i] = LINE[len - 2 - i];
    expected[len - 1] = '\n';

    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in sin = {.sin_family = AF_INET,
                              .sin_port = htons((uint16_t)atoi(argv[1])),
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (fd < 0 || connect(fd, (struct sockaddr *)&sin, sizeof sin) < 0)
        return die("connect failed");
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx || SSL_CTX_load_verify_locations(ctx, argv[2], NULL) != 1)
        return die("cannot load the CA file");
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    SSL *ssl = SSL_new(ctx);
    if (!ssl || !SSL_set_fd(ssl, fd) ||
        !SSL_set_tlsext_host_name(ssl, "localhost") ||
        !SSL_set1_host(ssl, "localhost"))
        return die("SSL set-up failed");
    if (SSL_connect(ssl) != 1)
        return die("handshake failed");

    for (long r = 0; r < rounds; r++) {
        if (SSL_write(ssl, LINE, (int)len) != (int)len)
            return die("write failed");
        size_t got = 0;
        while (got < len) {
            int n = SSL_read(ssl, reply + got, (int)(len - got));
            if (n <= 0)
                return die("read failed (early disconnect)");
            got += (size_t)n;
        }
        if (memcmp(reply, expected, len) != 0)
            return die("wrong bytes");
    }
    SSL_shutdown(ssl);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    close(fd);
    printf("%ld\n", rounds);
    return 0;
}
