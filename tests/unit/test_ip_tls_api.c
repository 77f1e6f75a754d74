/* The C APIs the socket modules use: emilua/ip.h (text, sockaddrs,
 * endpoint splitting) and emilua/tls.h (the per-VM default context). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include <emilua/ip.h>
#include <emilua/tls.h>

#include "check.h"
#include "vm_fixture.h"

static void check_round_trip(const char *text, uint16_t port,
                             const char *endpoint)
{
    emilua_ip_address a, b;
    CHECK(emilua_ip_parse(text, strlen(text), &a));
    struct sockaddr_storage ss;
    socklen_t len = emilua_ip_to_sockaddr(&a, port, &ss);
    CHECK(len == (a.family == AF_INET ? sizeof(struct sockaddr_in)
                                      : sizeof(struct sockaddr_in6)));
    uint16_t p;
    CHECK(emilua_ip_from_sockaddr((struct sockaddr *)&ss, &b, &p));
    CHECK(p == port && memcmp(&a, &b, sizeof a) == 0);
    char buf[EMILUA_IP_ENDPOINTSTRLEN];
    CHECK(emilua_ip_format_endpoint(&b, p, buf) == strlen(endpoint));
    CHECK(strcmp(buf, endpoint) == 0);
}

static void check_split(const char *ep, const char *host, const char *service)
{
    char h[256], s[64];
    bool ok = emilua_ip_split_endpoint(ep, strlen(ep), h, s);
    CHECK(ok == (host != NULL));
    if (ok)
        CHECK(strcmp(h, host) == 0 && strcmp(s, service) == 0);
}

static int default_context_twice(lua_State *L)
{
    SSL_CTX *a = emilua_tls_default_context(L);
    SSL_CTX *b = emilua_tls_default_context(L);
    lua_pushboolean(L, a && a == b &&
                       SSL_CTX_get_verify_mode(a) == SSL_VERIFY_PEER);
    return 1;
}

int main(void)
{
    check_round_trip("127.0.0.1", 80, "127.0.0.1:80");
    check_round_trip("::1", 65535, "[::1]:65535");
    check_round_trip("2001:db8::1%7", 0, "[2001:db8::1%7]:0");

    struct sockaddr_un_like { sa_family_t family; char path[14]; } un = {
        .family = AF_UNIX,
    };
    emilua_ip_address a;
    uint16_t port;
    CHECK(!emilua_ip_from_sockaddr((struct sockaddr *)&un, &a, &port));

    check_split("localhost:http", "localhost", "http");
    check_split("[::1]:443", "::1", "443");
    check_split("example.com:8080", "example.com", "8080");
    check_split("localhost", NULL, NULL);
    check_split(":80", NULL, NULL);
    check_split("host:", NULL, NULL);
    check_split("[]:80", NULL, NULL);

    struct vm_fixture fx;
    vm_fixture_open(&fx);
    lua_State *L = fx.vm->L;
    lua_pushcfunction(L, default_context_twice);
    CHECK(lua_pcall(L, 0, 1, 0) == 0 && lua_toboolean(L, -1));
    lua_pop(L, 1);
    vm_fixture_close(&fx);
    return check_failures != 0;
}
