/* Shared between the socket files of the ip module (tcp_socket.c,
 * tcp_acceptor.c, udp_socket.c): the socket record, and the methods the
 * three types have in common (socket_common.c) or configure from a table
 * (socket_options.c).  Each socket is an IO object (emilua/io.h); a file
 * here only adds its system calls. */
#ifndef EMILUA_IP_SOCKET_H_INTERNAL
#define EMILUA_IP_SOCKET_H_INTERNAL

#include <stdbool.h>

#include <emilua/io.h>
#include <emilua/ip.h>
#include <emilua/ip_socket.h>

struct ip_sock {
    emilua_io io;               /* first: the record is an IO object */
    int family;                 /* AF_INET or AF_INET6 while open */
    int socktype;               /* SOCK_STREAM or SOCK_DGRAM, fixed */
    const struct ip_option *options;    /* the type's option table */
    bool enable_connection_aborted;     /* acceptors: see accept() */
};

extern const emilua_udata_type emilua_ip_tcp_acceptor_type;
/* Lets the three types travel in messages to other VMs (socket_move.c). */
void ipsock_set_moves(lua_State *L);
extern const emilua_udata_type emilua_ip_udp_socket_type;

/* A new closed socket of type (one of the three) on top of the stack. */
struct ip_sock *ipsock_new(lua_State *L, const emilua_udata_type *type);
/* The socket of any of the three types at argn, or raises. */
struct ip_sock *ipsock_check(lua_State *L, int argn);
/* Opens s for family with socket(2): 0 or a negative status. */
int ipsock_open_family(struct ip_sock *s, int family);
/* "v4", "v6" or an ip.address at argn: AF_INET or AF_INET6, or raises. */
int ipsock_check_family(lua_State *L, int argn);
/* An ip.address or its text at argn (port at argn + 1) as a sockaddr. */
socklen_t ipsock_check_endpoint(lua_State *L, int argn,
                                struct sockaddr_storage *ss);
/* The data of a transfer at argn: a byte_span (returned), or with
 * string_ok a string (NULL).  op_buffer() points op at what check_buffer()
 * returned for argn (a string stays alive in the caller's frame while the
 * op waits). */
emilua_byte_span *ipsock_check_buffer(lua_State *L, int argn,
                                      bool string_ok);
void ipsock_op_buffer(lua_State *L, emilua_io_op *op, int argn,
                      const emilua_byte_span *s);
/* An optional array of message flag names at argn: MSG_* bits. */
int ipsock_check_msg_flags(lua_State *L, int argn);

/* A type's own C function for a shared method: argument errors name
 * the function by its registration, so each type registers its own. */
#define IPSOCK_METHOD(prefix, name) \
    static int prefix##_##name(lua_State *L) { return ipsock_##name(L); }

/* Methods every socket type has. */
int ipsock_open(lua_State *L);
int ipsock_bind(lua_State *L);
int ipsock_close(lua_State *L);
int ipsock_cancel(lua_State *L);
int ipsock_assign(lua_State *L);
int ipsock_release(lua_State *L);
int ipsock_wait(lua_State *L);               /* EMILUA_SUSPENDS */
int ipsock_set_option(lua_State *L);
int ipsock_get_option(lua_State *L);
/* Stream and datagram sockets. */
int ipsock_shutdown(lua_State *L);
int ipsock_io_control(lua_State *L);
int ipsock_disconnect(lua_State *L);

/* The properties (__index fallback): is_open, local_address, local_port,
 * and for connected types remote_address, remote_port and at_mark.
 * Returns 0 when key is none of them. */
int ipsock_property(lua_State *L, struct ip_sock *s, const char *key);
/* __index of the three types: methods first, then ipsock_property. */
int ipsock_index(lua_State *L);

/* The try function of one connect(2) attempt (op->addr holds the peer);
 * op->flags notes that the attempt is in progress. */
ssize_t ipsock_try_connect(emilua_io *io, emilua_io_op *op);

/* Set the type's constructor table ("acceptor" or "socket") into the
 * ip.tcp or ip.udp table on top of the stack. */
void ip_set_tcp_acceptor(lua_State *L);
void ip_set_tcp_socket(lua_State *L);
void ip_set_udp_socket(lua_State *L);

/* A push function for ops that end with no value. */
int ipsock_push_nothing(lua_State *L, emilua_io_op *op, ssize_t result);

/* Option tables, by socket type (socket_options.c). */
enum opt_kind { OPT_BOOL, OPT_INT, OPT_LINGER, OPT_JOIN, OPT_LEAVE,
                OPT_MCAST_IF, OPT_CONN_ABORTED };

struct ip_option {
    const char *name;
    enum opt_kind kind;
    int level4, name4;          /* on an AF_INET socket */
    int level6, name6;          /* on an AF_INET6 socket */
    bool set_only;
};

extern const struct ip_option ipsock_acceptor_options[];
extern const struct ip_option ipsock_tcp_options[];
extern const struct ip_option ipsock_udp_options[];

#endif
