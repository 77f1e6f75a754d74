/* ip addresses as text and as sockaddrs: the conversions every socket
 * binding needs, free of Lua. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emilua/ip.h>

/* A scope is shown by interface name only where it names a link; other
 * scopes (site, global) are plain numbers, as glibc and Boost.Asio do. */
static bool scope_is_link(const emilua_ip_address *a)
{
    const uint8_t *b = a->bytes;
    bool link_local = b[0] == 0xfe && (b[1] & 0xc0) == 0x80;
    bool mcast_link = b[0] == 0xff && (b[1] & 0x0f) == 0x02;
    return link_local || mcast_link;
}

static bool parse_scope(const char *s, emilua_ip_address *a)
{
    if (*s == '\0')
        return false;
    if (scope_is_link(a)) {
        unsigned idx = if_nametoindex(s);
        if (idx) {
            a->scope_id = idx;
            return true;
        }
    }
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (*end != '\0' || errno || v > UINT32_MAX || *s < '0' || *s > '9')
        return false;
    a->scope_id = (uint32_t)v;
    return true;
}

bool emilua_ip_parse(const char *s, size_t len, emilua_ip_address *out)
{
    char buf[EMILUA_IP_ADDRSTRLEN];
    if (len >= sizeof buf || memchr(s, '\0', len))
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';

    emilua_ip_address a = {0};
    if (inet_pton(AF_INET, buf, a.bytes) == 1) {
        a.family = AF_INET;
        *out = a;
        return true;
    }
    char *pct = strchr(buf, '%');
    if (pct)
        *pct = '\0';
    if (inet_pton(AF_INET6, buf, a.bytes) != 1)
        return false;
    a.family = AF_INET6;
    if (pct && !parse_scope(pct + 1, &a))
        return false;
    *out = a;
    return true;
}

size_t emilua_ip_format(const emilua_ip_address *a,
                        char buf[EMILUA_IP_ADDRSTRLEN])
{
    inet_ntop(a->family, a->bytes, buf, EMILUA_IP_ADDRSTRLEN);
    size_t n = strlen(buf);
    if (a->family != AF_INET6 || a->scope_id == 0)
        return n;
    buf[n++] = '%';
    if (scope_is_link(a)) {
        char name[IF_NAMESIZE];
        if (if_indextoname(a->scope_id, name)) {
            n += (size_t)snprintf(buf + n, EMILUA_IP_ADDRSTRLEN - n, "%s",
                                  name);
            return n;
        }
    }
    n += (size_t)snprintf(buf + n, EMILUA_IP_ADDRSTRLEN - n, "%lu",
                          (unsigned long)a->scope_id);
    return n;
}

size_t emilua_ip_format_endpoint(const emilua_ip_address *a, uint16_t port,
                                 char buf[EMILUA_IP_ENDPOINTSTRLEN])
{
    char text[EMILUA_IP_ADDRSTRLEN];
    emilua_ip_format(a, text);
    const char *fmt = a->family == AF_INET6 ? "[%s]:%u" : "%s:%u";
    return (size_t)snprintf(buf, EMILUA_IP_ENDPOINTSTRLEN, fmt, text,
                            (unsigned)port);
}

socklen_t emilua_ip_to_sockaddr(const emilua_ip_address *a, uint16_t port,
                                struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof *ss);
    if (a->family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)ss;
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        memcpy(&in->sin_addr, a->bytes, 4);
        return sizeof *in;
    }
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(port);
    memcpy(&in6->sin6_addr, a->bytes, 16);
    in6->sin6_scope_id = a->scope_id;
    return sizeof *in6;
}

bool emilua_ip_from_sockaddr(const struct sockaddr *sa, emilua_ip_address *a,
                             uint16_t *port)
{
    memset(a, 0, sizeof *a);
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        a->family = AF_INET;
        memcpy(a->bytes, &in->sin_addr, 4);
        *port = ntohs(in->sin_port);
        return true;
    }
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        a->family = AF_INET6;
        memcpy(a->bytes, &in6->sin6_addr, 16);
        a->scope_id = in6->sin6_scope_id;
        *port = ntohs(in6->sin6_port);
        return true;
    }
    return false;
}

bool emilua_ip_split_endpoint(const char *ep, size_t len,
                              char host[256], char service[64])
{
    if (memchr(ep, '\0', len))
        return false;
    const char *colon = NULL;
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (ep[i] == '[')
            depth++;
        else if (ep[i] == ']')
            depth--;
        else if (ep[i] == ':' && depth == 0)
            colon = ep + i;
    }
    if (!colon)
        return false;
    const char *h = ep;
    size_t hlen = (size_t)(colon - ep);
    if (hlen >= 2 && h[0] == '[' && h[hlen - 1] == ']') {
        h++;
        hlen -= 2;
    }
    size_t slen = len - (size_t)(colon + 1 - ep);
    if (hlen == 0 || hlen >= 256 || slen == 0 || slen >= 64)
        return false;
    memcpy(host, h, hlen);
    host[hlen] = '\0';
    memcpy(service, colon + 1, slen);
    service[slen] = '\0';
    return true;
}
