/* Shared by the files of the unix module: the socket record (an IO
 * object, emilua/io.h), its five types and the methods they share
 * (sockets.c), and fd passing (fds.c). */
#ifndef EMILUA_UNIX_MODULE_H
#define EMILUA_UNIX_MODULE_H

#include <stdbool.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <emilua/io_methods.h>

struct usock {
    emilua_io io;               /* first: the record is an IO object */
    int socktype;               /* SOCK_STREAM, SOCK_SEQPACKET, SOCK_DGRAM */
    bool acceptor;
    bool enable_connection_aborted;     /* acceptors: see accept() */
};

enum usock_kind {
    USOCK_STREAM_ACCEPTOR, USOCK_STREAM, USOCK_SEQPACKET_ACCEPTOR,
    USOCK_SEQPACKET, USOCK_DATAGRAM, USOCK_KINDS
};

extern const emilua_udata_type usock_types[USOCK_KINDS];

/* A new closed socket of kind on top of the stack. */
struct usock *usock_new(lua_State *L, enum usock_kind kind);
/* The connected-socket kind of an acceptor's type (for accept()). */
enum usock_kind usock_accepted_kind(const struct usock *s);
/* Opens s with socket(2): 0 or a negative status. */
int usock_open_fd(struct usock *s);

/* The filesystem.path at argn as an AF_UNIX address; raises EINVAL (arg)
 * when it does not fit.  A leading NUL byte names an abstract socket. */
socklen_t usock_check_path(lua_State *L, int argn, struct sockaddr_un *sa);
/* Same for the endpoint strings of dial()/listen(): "@" means abstract. */
socklen_t usock_check_endpoint(lua_State *L, int argn,
                               struct sockaddr_un *sa);
/* Pushes the path of an address getsockname() & co. returned. */
void usock_push_path(lua_State *L, const struct sockaddr_un *sa,
                     socklen_t len);
/* An optional array of message flag names at argn ("peek"): MSG_* bits. */
int usock_check_msg_flags(lua_State *L, int argn);

/* The methods; each type registers them through a wrapper of its own
 * (argument errors name the type by the function's registration). */
int usock_open(lua_State *L, struct usock *s);
int usock_bind(lua_State *L, struct usock *s);
int usock_listen(lua_State *L, struct usock *s);
int usock_accept(lua_State *L, struct usock *s);
int usock_wait(lua_State *L, struct usock *s);
int usock_connect(lua_State *L, struct usock *s);
int usock_connect_now(lua_State *L, struct usock *s);
int usock_disconnect(lua_State *L, struct usock *s);
int usock_shutdown(lua_State *L, struct usock *s);
int usock_io_control(lua_State *L, struct usock *s);
int usock_receive(lua_State *L, struct usock *s, bool from);
int usock_send(lua_State *L, struct usock *s, bool to);
int usock_set_option(lua_State *L, struct usock *s);
int usock_get_option(lua_State *L, struct usock *s);
int usock_index(lua_State *L, struct usock *s);

/* fds.c */
int usock_receive_with_fds(lua_State *L, struct usock *s, bool from);
int usock_send_with_fds(lua_State *L, struct usock *s, bool to);

/* unix.c: the module's table. */
int emilua_open_unix(lua_State *L);

#endif
