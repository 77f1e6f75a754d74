/* Threads and execution contexts.
 *
 * Each thread owns one loop (an emilua_context).  An execution context
 * (the reference's thread pool) is a group of such threads: spawn_vm()
 * places a new VM on the least loaded thread of the caller's group, and
 * the VM stays there for its whole life.
 *
 * Work reaches a thread through its event queues: the local queue takes
 * events from the thread itself (no lock), the remote queue takes events
 * from other threads (a short lock, then uv_async_send).  One idle handle,
 * the runner, runs the remote events, the local events, and then each VM
 * with ready fibers in the order they became ready, so the VMs sharing a
 * thread take turns.
 *
 * A thread's loop lives while its VMs have work.  Its async handle keeps
 * it alive only while something another thread may finish is awaited
 * (xwaits, and another thread exists) or, once it holds no VM, while its
 * group still has live VMs (it may get one).  When the loop runs dry with
 * VMs left, nothing can wake them any more and they are closed. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "core.h"

struct ctx_group {
    emilua_context *threads;    /* under actors.lock */
    int nthreads;               /* under actors.lock */
    unsigned placed;            /* under actors.lock: VMs placed so far */
    atomic_int live;            /* VMs placed in the group and not closed */
    int concurrency_hint;
};

struct actors {
    uv_mutex_t lock;            /* groups' thread lists, nvms, dead flags */
    emilua_context *all;        /* every context, newest first */
    atomic_int threads;         /* threads whose loop has not ended */
};

/* ---- event queues -------------------------------------------------- */

static void run_list(emilua_context *ctx, struct ctx_event *ev)
{
    while (ev) {
        struct ctx_event *next = ev->next;
        ev->run(ev, ctx);
        ev = next;
    }
}

/* Runs the queued events: remote ones first, since a local event may be
 * the consequence of a remote one already queued (see channel.c). */
static bool run_events(emilua_context *ctx)
{
    uv_mutex_lock(&ctx->lock);
    struct ctx_event *remote = ctx->remote_head;
    ctx->remote_head = ctx->remote_tail = NULL;
    uv_mutex_unlock(&ctx->lock);
    struct ctx_event *local = ctx->local_head;
    ctx->local_head = ctx->local_tail = NULL;
    run_list(ctx, remote);
    run_list(ctx, local);
    return remote || local;
}

static void flush_wakes(emilua_context *from);

static void run_vms(emilua_context *ctx)
{
    /* VMs woken while these run wait for the next round */
    emilua_vm *vm = ctx->vm_head;
    ctx->vm_head = ctx->vm_tail = NULL;
    while (vm) {
        emilua_vm *next = vm->next_ready_vm;
        ctx->batch_rest = next;
        vm->queued = false;
        scheduler_drain(vm);
        emilua_vm_unref(vm);
        flush_wakes(ctx);
        vm = next;
    }
    ctx->batch_rest = NULL;
}

/* Actors passing messages on one thread hand work back and forth many
 * times; doing a few rounds here saves a trip through the loop (a poll
 * system call) each time, and the bound keeps IO from waiting long. */
#define ROUNDS_PER_TURN 16

static void run_once(emilua_context *ctx)
{
    for (int i = 0; i < ROUNDS_PER_TURN; i++) {
        while (run_events(ctx))
            ;
        if (!ctx->vm_head)
            break;
        run_vms(ctx);
    }
    flush_wakes(ctx);
    if (!ctx->vm_head && !ctx->local_head)
        uv_idle_stop(&ctx->runner);
}

static void runner_cb(uv_idle_t *h)
{
    run_once(h->data);
}

static void start_runner(emilua_context *ctx)
{
    uv_idle_start(&ctx->runner, runner_cb);
}

static void update_ref(emilua_context *ctx);

static void async_cb(uv_async_t *h)
{
    emilua_context *ctx = h->data;
    run_once(ctx);
    update_ref(ctx);
}

void context_post(emilua_context *from, emilua_context *ctx,
                  struct ctx_event *ev)
{
    ev->next = NULL;
    if (from == ctx) {
        if (ctx->local_tail)
            ctx->local_tail->next = ev;
        else
            ctx->local_head = ev;
        ctx->local_tail = ev;
        start_runner(ctx);
        return;
    }
    uv_mutex_lock(&ctx->lock);
    context_push_remote_locked(from, ctx, ev);
    uv_mutex_unlock(&ctx->lock);
}

/* Wakes the threads this one queued events for.  Deferred to the end of
 * a VM's turn, so that what a turn sends to a thread (an answer and the
 * next message, say) arrives with one wakeup. */
static void flush_wakes(emilua_context *from)
{
    for (int i = 0; i < from->nwakes; i++) {
        emilua_context *to = from->wakes[i];
        uv_mutex_lock(&to->lock);
        if (!to->dead)
            uv_async_send(&to->async);
        uv_mutex_unlock(&to->lock);
    }
    from->nwakes = 0;
}

static void defer_wake(emilua_context *from, emilua_context *to)
{
    for (int i = 0; i < from->nwakes; i++)
        if (from->wakes[i] == to)
            return;
    if (from->nwakes == CTX_MAX_WAKES) {
        /* to->lock is held: wake it now, the others after */
        uv_async_send(&to->async);
        return;
    }
    from->wakes[from->nwakes++] = to;
}

void context_push_remote_locked(emilua_context *from, emilua_context *ctx,
                                struct ctx_event *ev)
{
    ev->next = NULL;
    bool was_empty = !ctx->remote_head;
    if (ctx->remote_tail)
        ctx->remote_tail->next = ev;
    else
        ctx->remote_head = ev;
    ctx->remote_tail = ev;
    /* one wakeup per batch: the thread takes the whole list at once */
    if (!was_empty || ctx->dead)
        return;
    if (from)
        defer_wake(from, ctx);
    else
        uv_async_send(&ctx->async);
}

/* ---- VMs on a thread ----------------------------------------------- */

void context_wake_vm(emilua_vm *vm)
{
    emilua_context *ctx = vm->ctx;
    if (vm->queued || vm->closed)
        return;
    vm->queued = true;
    vm->next_ready_vm = NULL;
    emilua_vm_ref(vm);
    if (ctx->vm_tail)
        ctx->vm_tail->next_ready_vm = vm;
    else
        ctx->vm_head = vm;
    ctx->vm_tail = vm;
    start_runner(ctx);
}

bool context_has_other_ready(emilua_context *ctx)
{
    return ctx->vm_head || ctx->batch_rest || ctx->local_head;
}

void context_add_vm(emilua_context *ctx, emilua_vm *vm)
{
    vm->in_context = true;
    vm->prev_vm = NULL;
    vm->next_vm = ctx->vms;
    if (ctx->vms)
        ctx->vms->prev_vm = vm;
    ctx->vms = vm;
    update_ref(ctx);
}

/* Counts a VM placed on ctx before it starts there (any thread). */
static void place_vm_locked(emilua_context *ctx)
{
    ctx->nvms++;
    atomic_fetch_add(&ctx->group->live, 1);
}

/* Parked threads of a group wake up to see whether they may end. */
static void group_changed_locked(struct ctx_group *g)
{
    for (emilua_context *t = g->threads; t; t = t->next_in_group)
        if (!t->dead)
            uv_async_send(&t->async);
}

void context_remove_vm(emilua_vm *vm)
{
    emilua_context *ctx = vm->ctx;
    if (!vm->in_context)   /* a VM a C test made with vm_new() alone */
        return;
    vm->in_context = false;
    if (vm->prev_vm)
        vm->prev_vm->next_vm = vm->next_vm;
    else if (ctx->vms == vm)
        ctx->vms = vm->next_vm;
    if (vm->next_vm)
        vm->next_vm->prev_vm = vm->prev_vm;
    vm->prev_vm = vm->next_vm = NULL;
    struct actors *a = ctx->process->actors;
    uv_mutex_lock(&a->lock);
    ctx->nvms--;
    if (atomic_fetch_sub(&ctx->group->live, 1) == 1)
        group_changed_locked(ctx->group);
    uv_mutex_unlock(&a->lock);
    update_ref(ctx);
}

void context_xwait(emilua_context *ctx, int delta)
{
    ctx->xwaits += delta;
    update_ref(ctx);
}

static void update_ref(emilua_context *ctx)
{
    if (ctx->dead)
        return;
    /* alone in the process, a wait can only end from this thread */
    bool alone = atomic_load(&ctx->process->actors->threads) == 1;
    bool want = ctx->vms ? ctx->xwaits > 0 && !alone
                         : atomic_load(&ctx->group->live) > 0;
    if (want == ctx->async_refed)
        return;
    ctx->async_refed = want;
    if (want)
        uv_ref((uv_handle_t *)&ctx->async);
    else
        uv_unref((uv_handle_t *)&ctx->async);
}

/* ---- creating threads ---------------------------------------------- */

static int context_init(emilua_context *ctx, emilua_process *p,
                        struct ctx_group *g)
{
    int rc = uv_loop_init(&ctx->loop);
    if (rc != 0)
        return rc;
    ctx->process = p;
    ctx->group = g;
    uv_mutex_init(&ctx->lock);
    uv_async_init(&ctx->loop, &ctx->async, async_cb);
    ctx->async.data = ctx;
    uv_unref((uv_handle_t *)&ctx->async);
    uv_idle_init(&ctx->loop, &ctx->runner);
    ctx->runner.data = ctx;
    return 0;
}

static emilua_context *context_new(emilua_process *p, struct ctx_group *g)
{
    emilua_context *ctx = calloc(1, sizeof *ctx);
    if (ctx && context_init(ctx, p, g) != 0) {
        free(ctx);
        return NULL;
    }
    return ctx;
}

static void link_context_locked(struct actors *a, emilua_context *ctx)
{
    ctx->next_all = a->all;
    a->all = ctx;
    ctx->next_in_group = ctx->group->threads;
    ctx->group->threads = ctx;
    ctx->group->nthreads++;
}

static struct ctx_group *group_new(int concurrency_hint)
{
    struct ctx_group *g = calloc(1, sizeof *g);
    if (g)
        g->concurrency_hint = concurrency_hint;
    return g;
}

int context_init_main(emilua_context *ctx, emilua_process *p)
{
    struct actors *a = calloc(1, sizeof *a);
    struct ctx_group *g = group_new(0);
    int rc = a && g ? context_init(ctx, p, g) : UV_ENOMEM;
    if (rc != 0) {
        free(a);
        free(g);
        return rc;
    }
    ctx->caller_owned = true;
    atomic_init(&a->threads, 1);
    uv_mutex_init(&a->lock);
    p->actors = a;
    link_context_locked(a, ctx);
    place_vm_locked(ctx);   /* the master VM */
    return 0;
}

static bool has_pending(emilua_context *ctx)
{
    uv_mutex_lock(&ctx->lock);
    bool remote = ctx->remote_head != NULL;
    uv_mutex_unlock(&ctx->lock);
    return remote || ctx->local_head || ctx->vm_head;
}

/* Runs the thread's loop until the thread can never get work again. */
static void run_thread(emilua_context *ctx)
{
    struct actors *a = ctx->process->actors;
    for (;;) {
        update_ref(ctx);
        uv_run(&ctx->loop, UV_RUN_DEFAULT);
        if (has_pending(ctx)) {
            run_once(ctx);
            continue;
        }
        if (ctx->vms) {
            /* nothing left can wake them */
            while (ctx->vms)
                vm_close(ctx->vms);
            flush_wakes(ctx);
            continue;
        }
        uv_mutex_lock(&a->lock);
        uv_mutex_lock(&ctx->lock);
        bool done = atomic_load(&ctx->group->live) == 0 &&
                    !ctx->remote_head;
        if (done)
            ctx->dead = true;
        uv_mutex_unlock(&ctx->lock);
        if (done && atomic_fetch_sub(&a->threads, 1) == 2) {
            /* the last thread left sees whether its waits can still end */
            for (emilua_context *t = a->all; t; t = t->next_all)
                if (!t->dead)
                    uv_async_send(&t->async);
        }
        uv_mutex_unlock(&a->lock);
        if (done)
            break;
    }
    uv_close((uv_handle_t *)&ctx->async, NULL);
    uv_close((uv_handle_t *)&ctx->runner, NULL);
    uv_run(&ctx->loop, UV_RUN_DEFAULT);
}

static void thread_main(void *arg)
{
    run_thread(arg);
}

/* A new thread in group g.  NULL on failure.  Caller holds no lock. */
static emilua_context *spawn_thread(emilua_process *p, struct ctx_group *g)
{
    emilua_context *ctx = context_new(p, g);
    if (!ctx)
        return NULL;
    struct actors *a = p->actors;
    ctx->own_thread = true;
    uv_mutex_lock(&a->lock);
    atomic_fetch_add(&a->threads, 1);
    if (uv_thread_create(&ctx->thread, thread_main, ctx) != 0) {
        atomic_fetch_sub(&a->threads, 1);
        uv_mutex_unlock(&a->lock);
        uv_close((uv_handle_t *)&ctx->async, NULL);
        uv_close((uv_handle_t *)&ctx->runner, NULL);
        uv_run(&ctx->loop, UV_RUN_DEFAULT);
        uv_loop_close(&ctx->loop);
        uv_mutex_destroy(&ctx->lock);
        free(ctx);
        return NULL;
    }
    link_context_locked(a, ctx);
    uv_mutex_unlock(&a->lock);
    return ctx;
}

/* ---- placement ------------------------------------------------------ */

emilua_context *context_place_vm(emilua_context *caller, bool inherit,
                                 int concurrency_hint)
{
    emilua_process *p = caller->process;
    struct actors *a = p->actors;
    emilua_context *ctx = NULL;
    if (!inherit) {
        struct ctx_group *g = group_new(concurrency_hint);
        if (!g)
            return NULL;
        /* counted before the thread runs, so it does not end at once */
        atomic_store(&g->live, 1);
        ctx = spawn_thread(p, g);
        if (!ctx) {
            free(g);
            return NULL;
        }
        uv_mutex_lock(&a->lock);
        ctx->nvms++;
        uv_mutex_unlock(&a->lock);
        update_ref(caller);   /* no longer alone: waits may end elsewhere */
        return ctx;
    }
    /* the fewest VMs; among equals, the search starts one thread further
     * each time, so that ties go round the threads */
    uv_mutex_lock(&a->lock);
    struct ctx_group *g = caller->group;
    emilua_context *start = g->threads;
    for (unsigned i = g->placed++ % (unsigned)g->nthreads; i > 0; i--)
        start = start->next_in_group;
    emilua_context *t = start;
    do {
        if (!t->dead && (!ctx || t->nvms < ctx->nvms))
            ctx = t;
        t = t->next_in_group ? t->next_in_group : g->threads;
    } while (t != start);
    place_vm_locked(ctx);
    uv_mutex_unlock(&a->lock);
    return ctx;
}

void context_unplace_vm(emilua_context *ctx)
{
    struct actors *a = ctx->process->actors;
    uv_mutex_lock(&a->lock);
    ctx->nvms--;
    if (atomic_fetch_sub(&ctx->group->live, 1) == 1)
        group_changed_locked(ctx->group);
    uv_mutex_unlock(&a->lock);
}

int context_add_threads(emilua_context *caller, int count)
{
    if (caller->group->concurrency_hint == 1)
        return -ENOTSUP;
    int rc = 0;
    for (int i = 0; i < count && rc == 0; i++)
        if (!spawn_thread(caller->process, caller->group))
            rc = -EAGAIN;
    update_ref(caller);
    return rc;
}

/* ---- stopping -------------------------------------------------------- */

struct stop_event {
    struct ctx_event ev;
};

static void stop_run(struct ctx_event *ev, emilua_context *ctx)
{
    for (emilua_vm *vm = ctx->vms; vm; vm = vm->next_vm)
        vm_terminate(vm);
    free(ev);
}

/* The master VM ends the process: every VM is told to stop. */
void context_stop_all(emilua_process *p)
{
    struct actors *a = p->actors;
    uv_mutex_lock(&a->lock);
    for (emilua_context *t = a->all; t; t = t->next_all) {
        struct stop_event *s = malloc(sizeof *s);
        if (!s)
            continue;
        s->ev.run = stop_run;
        uv_mutex_lock(&t->lock);
        if (t->dead)
            free(s);
        else
            context_push_remote_locked(NULL, t, &s->ev);
        uv_mutex_unlock(&t->lock);
    }
    uv_mutex_unlock(&a->lock);
}

/* Runs the main thread, then waits for every other thread and frees the
 * contexts.  Events still queued for a finished thread (answers to
 * fibers of VMs that closed) only release memory now. */
void context_run_main(emilua_context *main_ctx)
{
    emilua_process *p = main_ctx->process;
    struct actors *a = p->actors;
    run_thread(main_ctx);
    for (;;) {
        emilua_context *t;
        uv_mutex_lock(&a->lock);
        for (t = a->all; t && (!t->own_thread || t->joined); t = t->next_all)
            ;
        if (t)
            t->joined = true;
        uv_mutex_unlock(&a->lock);
        if (!t)
            break;
        uv_thread_join(&t->thread);
    }
    while (a->all) {
        emilua_context *t = a->all;
        a->all = t->next_all;
        while (t->remote_head || t->local_head)
            run_events(t);
        uv_loop_close(&t->loop);
        uv_mutex_destroy(&t->lock);
        struct ctx_group *g = t->group;
        /* the group goes with its last thread */
        bool last = true;
        for (emilua_context *o = a->all; o; o = o->next_all)
            if (o->group == g)
                last = false;
        if (last)
            free(g);
        if (!t->caller_owned)
            free(t);
    }
    uv_mutex_destroy(&a->lock);
    free(a);
    p->actors = NULL;
}
