/* The C side of the ip module, for the socket modules built on it.
 *
 * An ip.address is a plain value (family, 16 bytes, scope id); sockets
 * meet it as a sockaddr.  Typical use in a binding:
 *
 *     emilua_ip_address *a = emilua_check_ip_address(L, 2, "addr");
 *     uint16_t port = emilua_check_ip_port(L, 3);
 *     struct sockaddr_storage ss;
 *     socklen_t len = emilua_ip_to_sockaddr(a, port, &ss);
 *     ... connect(fd, (struct sockaddr *)&ss, len) ...
 *     return emilua_push_ip_endpoint(L, (struct sockaddr *)&peer);  // 2 values
 */
#ifndef EMILUA_IP_H
#define EMILUA_IP_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include <emilua/api.h>

typedef struct emilua_ip_address {
    int family;                 /* AF_INET or AF_INET6 */
    uint8_t bytes[16];          /* network order; AF_INET uses bytes[0..3] */
    uint32_t scope_id;          /* AF_INET6 only, else 0 */
} emilua_ip_address;

/* The longest text emilua_ip_format() writes, NUL included:
 * INET6_ADDRSTRLEN plus "%" and an interface name or a 10-digit id. */
#define EMILUA_IP_ADDRSTRLEN 64
/* The same for "[addr]:port". */
#define EMILUA_IP_ENDPOINTSTRLEN (EMILUA_IP_ADDRSTRLEN + 8)

extern const emilua_udata_type emilua_ip_address_type;

/* Pushes a new ip.address holding a copy of *a. */
emilua_ip_address *emilua_push_ip_address(lua_State *L,
                                          const emilua_ip_address *a);
/* The ip.address at idx, or NULL when it is something else. */
emilua_ip_address *emilua_test_ip_address(lua_State *L, int idx);
/* The ip.address at argn, or raises an argument error naming the
 * parameter `name` (may be NULL). */
emilua_ip_address *emilua_check_ip_address(lua_State *L, int argn,
                                           const char *name);
/* An integer in [0, 65535] at argn, or raises (EINVAL with arg when it
 * is a number out of range). */
uint16_t emilua_check_ip_port(lua_State *L, int argn);

/* Text <-> address.  parse() accepts dotted-quad IPv4 and IPv6 with an
 * optional "%scope" (an interface name or a number); format() writes the
 * same forms and returns the length. */
bool emilua_ip_parse(const char *s, size_t len, emilua_ip_address *out);
size_t emilua_ip_format(const emilua_ip_address *a,
                        char buf[EMILUA_IP_ADDRSTRLEN]);
/* "a.b.c.d:port" or "[v6]:port". */
size_t emilua_ip_format_endpoint(const emilua_ip_address *a, uint16_t port,
                                 char buf[EMILUA_IP_ENDPOINTSTRLEN]);

/* sockaddr <-> (address, port).  to_sockaddr() returns the length to pass
 * to the syscall; from_sockaddr() returns false for a family other than
 * AF_INET and AF_INET6. */
socklen_t emilua_ip_to_sockaddr(const emilua_ip_address *a, uint16_t port,
                                struct sockaddr_storage *ss);
bool emilua_ip_from_sockaddr(const struct sockaddr *sa, emilua_ip_address *a,
                             uint16_t *port);
/* Pushes the ip.address and the port of sa: returns 2.  For a family
 * other than IP it raises EAFNOSUPPORT. */
int emilua_push_ip_endpoint(lua_State *L, const struct sockaddr *sa);

/* Splits "host:service" (the host may be "[v6]") as the dial functions
 * do: the last ':' outside brackets separates them.  Returns false when
 * there is no ':' or a piece is empty or too long. */
bool emilua_ip_split_endpoint(const char *ep, size_t len,
                              char host[256], char service[64]);

#endif
