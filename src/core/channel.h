/* Channels between VMs: what channel.c and message.c share. */
#ifndef EMILUA_CHANNEL_H
#define EMILUA_CHANNEL_H

#include "core.h"

/* A message's value, in no VM (message.c). */
struct msgbuf {
    unsigned char *data;
    size_t len, cap;
};

/* Copies the value at idx (raises on refusal, leaving the sender's
 * objects untouched; file_descriptors are taken only once all is
 * checked). */
int message_encode(lua_State *L, int idx, struct msgbuf *b);
/* Pushes the value on L and empties b. */
void message_decode(lua_State *L, struct msgbuf *b);
/* Releases what b holds (channel references, fds); ctx is the caller's. */
void message_discard(struct msgbuf *b, emilua_context *ctx);

/* The mailbox of a channel userdata (tx-channel or inbox) at idx, or NULL. */
struct mailbox *channel_test(lua_State *L, int idx);
/* Pushes a tx-channel taking over one sender reference to mb. */
void channel_push(lua_State *L, struct mailbox *mb);
void mailbox_add_sender(struct mailbox *mb);
void mailbox_remove_sender(struct mailbox *mb, emilua_context *ctx);

/* Subprocess channels (ipc.c): the sockets a mailbox also receives from.
 * They are read only while a receive() waits (ipc_arm). */
struct ipc_sources;
struct ipc_sources **mailbox_ipc(struct mailbox *mb);
emilua_context *mailbox_ctx(struct mailbox *mb);
emilua_fiber *mailbox_take_receiver(struct mailbox *mb);
bool mailbox_receiving(struct mailbox *mb);
void ipc_arm(struct ipc_sources *s);
void ipc_disarm(struct ipc_sources *s);
void ipc_close_all(struct mailbox *mb, emilua_context *ctx);

#endif
