/* Channels to actors in other processes (ipc.c). */
#ifndef EMILUA_IPC_H
#define EMILUA_IPC_H

#include "core.h"

struct mailbox;
struct ipc_wire;

struct ipc_child_info {
    int pidfd;
    pid_t pid;
};

/* Pushes an ipc-channel sending on fd (taken over); ci: the child process
 * it reaches, killed when this VM closes unless detached. */
void ipc_push_channel(lua_State *L, int fd, const struct ipc_child_info *ci);
/* The mailbox also receives what arrives on fd (taken over); 0 or -errno. */
int ipc_add_source(struct mailbox *mb, emilua_context *ctx, int fd);
/* Pushes the value of a validated message whose fds are taken over. */
void ipc_push_message(lua_State *L, const struct ipc_wire *w, const int *fds);
/* One sendmsg() of w with nfds fds; 0 or -errno. */
int ipc_sendmsg(int sock, const struct ipc_wire *w, const int *fds,
                size_t nfds);

/* subprocess.c */
int subprocess_spawn(lua_State *L, int opts_idx);
/* In the supervisor: serves one request (fds taken over). */
void subprocess_serve(const void *req, size_t len, int *fds, size_t nfds);

#endif
