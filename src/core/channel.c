/* Channels between VMs: each VM's mailbox (its `inbox`) and the
 * tx-channels that send to it.
 *
 * A mailbox belongs to its VM's thread: its buffer and its receiver are
 * only touched there.  A send from the same thread delivers at once, with
 * no lock; a send from another thread queues the message on the owner's
 * context (a short lock and uv_async_send) and the owner delivers it.  The
 * sender waits until the message is taken by a receive(), or refused
 * because the mailbox closed; the answer comes back the same way.  A
 * message taken from the buffer is never lost: the sender's canceller and
 * the receiver race on one atomic state, and whoever loses leaves the
 * message to the other.
 *
 * `senders` counts the tx-channels and the addresses inside messages in
 * flight; when it drops to zero a receive() that waits can never be
 * answered and fails. */
#include <stdatomic.h>
#include <stdlib.h>

#include "channel.h"

struct message;

struct mailbox {
    atomic_int refs;
    atomic_int senders;
    emilua_context *ctx;          /* the receiving VM's thread */
    bool closed;                  /* written by the owner under ctx->lock */
    bool imported;                /* owner */
    struct message *head, *tail;  /* owner: waiting for a receive() */
    emilua_fiber *receiver;       /* owner */
    struct emilua_blocked blocked;   /* the receiver's, for the report */
    struct ipc_sources *ipc;      /* owner: sockets of other processes */
};

enum { MSG_QUEUED, MSG_TAKEN, MSG_WITHDRAWN };

struct message {
    struct ctx_event ev;      /* delivery, then the answer to the sender */
    atomic_int state;
    int result;               /* 0, or the emilua errc of the answer */
    bool xwait;               /* the sender's thread counts the wait */
    struct mailbox *dest;
    emilua_fiber *sender;
    emilua_context *sender_ctx;
    struct message *next;     /* in the mailbox's buffer */
    struct msgbuf value;
    struct emilua_blocked blocked;   /* the sender's, for the report */
};

struct tx {
    struct mailbox *mb;       /* NULL once closed */
};

/* ---- mailboxes ------------------------------------------------------ */

struct mailbox *mailbox_new(void)
{
    struct mailbox *mb = calloc(1, sizeof *mb);
    if (mb)
        atomic_init(&mb->refs, 1);
    return mb;
}

void mailbox_bind(struct mailbox *mb, emilua_vm *vm)
{
    mb->ctx = vm->ctx;
}

void mailbox_unref(struct mailbox *mb)
{
    if (atomic_fetch_sub(&mb->refs, 1) == 1)
        free(mb);
}

void mailbox_add_sender(struct mailbox *mb)
{
    atomic_fetch_add(&mb->refs, 1);
    atomic_fetch_add(&mb->senders, 1);
}

struct senders_event {
    struct ctx_event ev;
    struct mailbox *mb;
};

emilua_fiber *mailbox_take_receiver(struct mailbox *mb)
{
    emilua_fiber *r = mb->receiver;
    mb->receiver = NULL;
    context_xwait(mb->ctx, -1);
    if (mb->ipc)
        ipc_disarm(mb->ipc);
    return r;
}

emilua_context *mailbox_ctx(struct mailbox *mb)
{
    return mb->ctx;
}

struct ipc_sources **mailbox_ipc(struct mailbox *mb)
{
    return &mb->ipc;
}

bool mailbox_receiving(struct mailbox *mb)
{
    return mb->receiver != NULL;
}

static void fail_receiver(struct mailbox *mb, int errc)
{
    emilua_fiber *r = mailbox_take_receiver(mb);
    emilua_resume_error(r, &emilua_runtime_category, errc);
}

/* On the owner's thread: nobody can send any more. */
static void no_senders_run(struct ctx_event *ev, emilua_context *ctx)
{
    struct senders_event *s = (struct senders_event *)ev;
    struct mailbox *mb = s->mb;
    /* a receiver waits only on an empty buffer */
    if (!mb->closed && mb->receiver && atomic_load(&mb->senders) == 0)
        fail_receiver(mb, EMILUA_ERRC_NO_SENDERS);
    mailbox_unref(mb);
    free(s);
}

/* Queues ev for the mailbox's thread unless the mailbox closed (its
 * thread may then be gone).  ctx is the caller's. */
static bool post_to_owner(emilua_context *ctx, struct mailbox *mb,
                          struct ctx_event *ev)
{
    if (ctx == mb->ctx) {
        if (mb->closed)
            return false;
        context_post(ctx, ctx, ev);
        return true;
    }
    uv_mutex_lock(&mb->ctx->lock);
    bool open = !mb->closed;
    if (open)
        context_push_remote_locked(ctx, mb->ctx, ev);
    uv_mutex_unlock(&mb->ctx->lock);
    return open;
}

void mailbox_remove_sender(struct mailbox *mb, emilua_context *ctx)
{
    if (atomic_fetch_sub(&mb->senders, 1) != 1) {
        mailbox_unref(mb);
        return;
    }
    struct senders_event *s = malloc(sizeof *s);
    if (s) {
        s->ev.run = no_senders_run;
        s->mb = mb;             /* takes over our reference */
        if (post_to_owner(ctx, mb, &s->ev))
            return;
        free(s);
    }
    mailbox_unref(mb);
}

/* ---- messages -------------------------------------------------------- */

static void message_free(struct message *m, emilua_context *ctx)
{
    message_discard(&m->value, ctx);
    mailbox_unref(m->dest);
    free(m);
}

/* The owner takes m; false (and m is freed) when the sender withdrew. */
static bool claim(struct message *m, emilua_context *ctx)
{
    int expected = MSG_QUEUED;
    if (atomic_compare_exchange_strong(&m->state, &expected, MSG_TAKEN))
        return true;
    message_free(m, ctx);
    return false;
}

static void answer_run(struct ctx_event *ev, emilua_context *ctx)
{
    struct message *m = (struct message *)ev;
    if (m->xwait)
        context_xwait(ctx, -1);
    if (m->result)
        emilua_resume_error(m->sender, &emilua_runtime_category, m->result);
    else
        emilua_resume_nothing(m->sender);
    free(m);
}

/* Sends a claimed message back to its sender with the outcome. */
static void answer(struct message *m, int result, emilua_context *ctx)
{
    message_discard(&m->value, ctx);
    mailbox_unref(m->dest);
    m->dest = NULL;
    m->result = result;
    m->ev.run = answer_run;
    context_post(ctx, m->sender_ctx, &m->ev);
}

static struct message *pop(struct mailbox *mb)
{
    struct message *m = mb->head;
    if (m) {
        mb->head = m->next;
        if (!mb->head)
            mb->tail = NULL;
    }
    return m;
}

/* On the owner's thread. */
static void deliver(struct message *m, emilua_context *ctx)
{
    struct mailbox *mb = m->dest;
    if (mb->closed) {
        if (claim(m, ctx))
            answer(m, EMILUA_ERRC_CHANNEL_CLOSED, ctx);
        return;
    }
    if (mb->receiver) {
        if (!claim(m, ctx))
            return;
        emilua_fiber *r = mailbox_take_receiver(mb);
        lua_State *co = emilua_resume_begin(r);   /* its VM is open */
        message_decode(co, &m->value);
        emilua_resume_end(r, 1);
        answer(m, 0, ctx);
        return;
    }
    m->next = NULL;
    if (mb->tail)
        mb->tail->next = m;
    else
        mb->head = m;
    mb->tail = m;
}

static void deliver_run(struct ctx_event *ev, emilua_context *ctx)
{
    deliver((struct message *)ev, ctx);
}

void mailbox_close(struct mailbox *mb, emilua_context *ctx)
{
    if (mb->closed)
        return;
    uv_mutex_lock(&ctx->lock);
    mb->closed = true;
    uv_mutex_unlock(&ctx->lock);
    if (mb->receiver)
        fail_receiver(mb, EMILUA_ERRC_CHANNEL_CLOSED);
    if (mb->ipc)
        ipc_close_all(mb, ctx);
    struct message *m;
    while ((m = pop(mb)))
        if (claim(m, ctx))
            answer(m, EMILUA_ERRC_CHANNEL_CLOSED, ctx);
}

void mailbox_main_fiber_done(emilua_vm *vm)
{
    if (!vm->inbox->imported)
        mailbox_close(vm->inbox, vm->ctx);
}

/* ---- tx-channel ------------------------------------------------------ */

static int tx_send(lua_State *L);
static int tx_close(lua_State *L);
static int tx_gc(lua_State *L);
static int tx_eq(lua_State *L);
static int tx_tostring(lua_State *L);

static const emilua_reg tx_methods[] = {
    {"send", tx_send, EMILUA_SUSPENDS},
    {"close", tx_close, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg tx_meta[] = {
    {"__gc", tx_gc},
    {"__eq", tx_eq},
    {"__tostring", tx_tostring},
    {NULL, NULL},
};

static const emilua_udata_type tx_type = {
    "tx-channel", tx_methods, tx_meta, NULL,
};

static int inbox_receive(lua_State *L);
static int inbox_close(lua_State *L);
static int inbox_gc(lua_State *L);

static const emilua_reg inbox_methods[] = {
    {"receive", inbox_receive, EMILUA_SUSPENDS},
    {"close", inbox_close, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg inbox_meta[] = {
    {"__gc", inbox_gc},
    {NULL, NULL},
};

static const emilua_udata_type inbox_type = {
    "inbox", inbox_methods, inbox_meta, NULL,
};

struct mailbox *channel_test(lua_State *L, int idx)
{
    struct tx *h = emilua_test_udata(L, idx, &tx_type);
    if (h)
        return h->mb;
    if (emilua_test_udata(L, idx, &inbox_type))
        return emilua_vm_of(L)->inbox;
    return NULL;
}

void channel_push(lua_State *L, struct mailbox *mb)
{
    struct tx *h = emilua_new_udata(L, &tx_type, sizeof *h);
    h->mb = mb;
}

static void send_canceller(emilua_fiber *f, void *data)
{
    struct message *m = data;
    bool xwait = m->xwait;
    emilua_context *ctx = m->sender_ctx;
    int expected = MSG_QUEUED;
    /* m belongs to the receiving side once withdrawn */
    if (!atomic_compare_exchange_strong(&m->state, &expected, MSG_WITHDRAWN))
        return;   /* taken or refused: the answer resumes f */
    if (xwait)
        context_xwait(ctx, -1);
    emilua_resume_canceled(f);
}

static int tx_send(lua_State *L)
{
    struct tx *h = emilua_check_udata(L, 1, &tx_type);
    emilua_vm *vm = emilua_vm_of(L);
    emilua_fiber *f = emilua_begin_suspend(L);
    struct mailbox *mb = h->mb;
    if (!mb || (vm->ctx == mb->ctx && mb->closed))
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_CHANNEL_CLOSED);
    lua_settop(L, 2);
    struct msgbuf value;
    message_encode(L, 2, &value);
    struct message *m = calloc(1, sizeof *m);
    if (!m) {
        message_discard(&value, vm->ctx);
        return emilua_raise_errno(L, ENOMEM);
    }
    atomic_init(&m->state, MSG_QUEUED);
    m->value = value;
    m->dest = mb;
    atomic_fetch_add(&mb->refs, 1);
    m->sender = f;
    m->sender_ctx = vm->ctx;
    m->blocked = (struct emilua_blocked){
        "No VM left to receive what was sent to inbox %p", mb};
    emilua_set_blocked(f, &m->blocked);
    if (vm->ctx == mb->ctx) {
        deliver(m, vm->ctx);
        return emilua_suspend(L, f, send_canceller, m);
    }
    m->ev.run = deliver_run;
    m->xwait = true;
    uv_mutex_lock(&mb->ctx->lock);
    bool open = !mb->closed;
    if (open)
        context_push_remote_locked(vm->ctx, mb->ctx, &m->ev);
    uv_mutex_unlock(&mb->ctx->lock);
    if (!open) {
        message_free(m, vm->ctx);
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_CHANNEL_CLOSED);
    }
    context_xwait(vm->ctx, 1);
    return emilua_suspend(L, f, send_canceller, m);
}

static int tx_close(lua_State *L)
{
    struct tx *h = emilua_check_udata(L, 1, &tx_type);
    if (h->mb) {
        struct mailbox *mb = h->mb;
        h->mb = NULL;
        mailbox_remove_sender(mb, emilua_vm_of(L)->ctx);
    }
    return 0;
}

static int tx_gc(lua_State *L)
{
    struct tx *h = lua_touserdata(L, 1);
    if (h->mb) {
        struct mailbox *mb = h->mb;
        h->mb = NULL;
        mailbox_remove_sender(mb, emilua_vm_of(L)->ctx);
    }
    return 0;
}

/* Two tx-channels are equal when they send to the same actor. */
static int tx_eq(lua_State *L)
{
    struct tx *a = emilua_test_udata(L, 1, &tx_type);
    struct tx *b = emilua_test_udata(L, 2, &tx_type);
    lua_pushboolean(L, a && b && a->mb && a->mb == b->mb);
    return 1;
}

static int tx_tostring(lua_State *L)
{
    struct tx *h = emilua_check_udata(L, 1, &tx_type);
    lua_pushfstring(L, "tx-channel: %p", (void *)h->mb);
    return 1;
}

/* ---- inbox ----------------------------------------------------------- */

static void receive_canceller(emilua_fiber *f, void *data)
{
    struct mailbox *mb = data;
    mailbox_take_receiver(mb);
    emilua_resume_canceled(f);
}

static int inbox_receive(lua_State *L)
{
    emilua_check_udata(L, 1, &inbox_type);
    emilua_vm *vm = emilua_vm_of(L);
    struct mailbox *mb = vm->inbox;
    emilua_fiber *f = emilua_begin_suspend(L);
    if (mb->closed)
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_CHANNEL_CLOSED);
    if (mb->receiver)
        return emilua_raise_errno(L, EBUSY);
    struct message *m;
    while ((m = pop(mb))) {
        if (!claim(m, vm->ctx))
            continue;
        lua_pushnil(L);
        message_decode(L, &m->value);
        answer(m, 0, vm->ctx);
        return 2;
    }
    if (atomic_load(&mb->senders) == 0)
        return emilua_raise_error(L, &emilua_runtime_category,
                                  EMILUA_ERRC_NO_SENDERS);
    mb->receiver = f;
    mb->blocked = (struct emilua_blocked){
        "No VM left to send to inbox %p", mb};
    emilua_set_blocked(f, &mb->blocked);
    context_xwait(vm->ctx, 1);
    if (mb->ipc)
        ipc_arm(mb->ipc);
    return emilua_suspend(L, f, receive_canceller, mb);
}

static int inbox_close(lua_State *L)
{
    emilua_check_udata(L, 1, &inbox_type);
    emilua_vm *vm = emilua_vm_of(L);
    mailbox_close(vm->inbox, vm->ctx);
    return 0;
}

/* A program that dropped its inbox can never receive again. */
static int inbox_gc(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    if (!vm->closing)
        mailbox_close(vm->inbox, vm->ctx);
    return 0;
}

/* require 'inbox': one object per VM while it is reachable. */
int emilua_open_inbox(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    vm->inbox->imported = true;
    lua_getfield(L, LUA_REGISTRYINDEX, "emilua.inbox");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "v");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, "emilua.inbox");
    }
    lua_rawgeti(L, -1, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        emilua_new_udata(L, &inbox_type, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, 1);
    }
    lua_remove(L, -2);
    return 1;
}
