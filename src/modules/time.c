/* The time module: time.sleep() here (the worked example of a suspending
 * function, see include/emilua/api.h), the clocks and their time points
 * in time/clocks.c, the timers in time/timers.c. */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include <emilua/api.h>
#include <emilua/object.h>

#include "time/time_module.h"

/* All sleeps of a VM share one libuv timer armed for the earliest
 * deadline, and wait in a binary heap ordered by (deadline, arrival).  A
 * sleep is its heap slot and nothing else (24 bytes: 100k sleeping
 * fibers are benchmarked); the canceller finds the slot through the
 * canceller data, which holds the slot's index and follows it as the
 * heap moves it. */
struct sleeper {
    uint64_t deadline;      /* in uv_hrtime() nanoseconds */
    emilua_fiber *fiber;
    uint32_t seq;           /* arrival order, for equal deadlines */
};

struct sleep_queue {
    emilua_object obj;      /* a per-VM object, anchored in the registry */
    uv_timer_t timer;
    struct sleeper *heap;
    size_t n, cap;
    uint32_t seq;
};

static bool before(const struct sleeper *a, const struct sleeper *b)
{
    /* seq wraps after 2^32 sleeps; the difference still orders any two
     * sleeps alive at once */
    return a->deadline < b->deadline ||
           (a->deadline == b->deadline && (int32_t)(a->seq - b->seq) < 0);
}

static void heap_set(struct sleep_queue *q, size_t i, struct sleeper s)
{
    q->heap[i] = s;
    emilua_set_canceller_data(s.fiber, (void *)(uintptr_t)i);
}

/* Returns where the slot ended. */
static size_t sift_up(struct sleep_queue *q, size_t i)
{
    struct sleeper s = q->heap[i];
    while (i > 0 && before(&s, &q->heap[(i - 1) / 2])) {
        heap_set(q, i, q->heap[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    heap_set(q, i, s);
    return i;
}

static void sift_down(struct sleep_queue *q, size_t i)
{
    struct sleeper s = q->heap[i];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= q->n)
            break;
        if (c + 1 < q->n && before(&q->heap[c + 1], &q->heap[c]))
            c++;
        if (!before(&q->heap[c], &s))
            break;
        heap_set(q, i, q->heap[c]);
        i = c;
    }
    heap_set(q, i, s);
}

static void heap_remove(struct sleep_queue *q, size_t i)
{
    struct sleeper last = q->heap[--q->n];
    if (i == q->n)
        return;
    q->heap[i] = last;
    if (i > 0 && before(&last, &q->heap[(i - 1) / 2]))
        sift_up(q, i);
    else
        sift_down(q, i);
}

static void queue_fire(uv_timer_t *t);

/* libuv timers count whole milliseconds on a cached, coarse loop clock:
 * round up, and let queue_fire() check the real clock. */
static void queue_arm(struct sleep_queue *q)
{
    if (q->n == 0) {
        uv_timer_stop(&q->timer);
        return;
    }
    uint64_t now = uv_hrtime();
    uint64_t deadline = q->heap[0].deadline;
    uint64_t left = deadline > now ? deadline - now : 0;
    uint64_t ms = left / 1000000 + (left % 1000000 != 0);
    uv_update_time(q->timer.loop);
    int rc = uv_timer_start(&q->timer, queue_fire, ms, 0);
    assert(rc == 0);    /* fails only for a NULL callback */
    (void)rc;
}

static void queue_fire(uv_timer_t *t)
{
    struct sleep_queue *q = t->data;
    uint64_t now = uv_hrtime();
    while (q->n > 0 && q->heap[0].deadline <= now) {
        emilua_fiber *f = q->heap[0].fiber;
        heap_remove(q, 0);
        emilua_resume_nothing(f);
    }
    queue_arm(q);
}

static const emilua_udata_type sleep_queue_type;

/* At VM close, after the cancellers emptied the heap. */
static void queue_close(emilua_object *o)
{
    struct sleep_queue *q = (struct sleep_queue *)o;
    assert(q->n == 0);      /* a closed object has no pending operation */
    emilua_vm_set_slot(o->vm, &sleep_queue_type, NULL);
    if (o->open_handles > 0)    /* else uv_timer_init failed */
        emilua_object_close_handle((uv_handle_t *)&q->timer);
}

static void queue_finalize(emilua_object *o)
{
    free(((struct sleep_queue *)o)->heap);
}

static const emilua_object_ops queue_ops = {
    queue_close, NULL, queue_finalize,
};

static const luaL_Reg queue_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type sleep_queue_type = {
    "time.sleep_queue", NULL, queue_meta, NULL,
};

/* The VM's queue, created on the first sleep: an object kept in the
 * registry (closed when the VM closes) and found through a VM slot. */
static struct sleep_queue *vm_queue(lua_State *L)
{
    emilua_vm *vm = emilua_vm_of(L);
    struct sleep_queue *q = emilua_vm_slot(vm, &sleep_queue_type);
    if (q)
        return q;
    q = emilua_object_new(L, &sleep_queue_type, sizeof *q, &queue_ops);
    int rc = uv_timer_init(emilua_vm_loop(vm), &q->timer);
    if (rc != 0)
        emilua_raise_errno(L, -rc);
    emilua_object_add_handle(&q->obj, (uv_handle_t *)&q->timer);
    lua_pushlightuserdata(L, (void *)&sleep_queue_type);
    lua_insert(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
    if (!emilua_vm_set_slot(vm, &sleep_queue_type, q))
        luaL_error(L, "time.sleep: no VM slot left");
    return q;
}

static void sleep_cancel(emilua_fiber *f, void *data)
{
    size_t i = (uintptr_t)data;     /* the fiber's heap slot */
    struct sleep_queue *q = emilua_vm_slot(emilua_fiber_vm(f),
                                           &sleep_queue_type);
    heap_remove(q, i);
    if (i == 0)
        queue_arm(q);
    emilua_resume_canceled(f);
}

/* Seconds from now to a uv_hrtime() deadline; huge values saturate. */
static uint64_t deadline_after(double secs)
{
    uint64_t now = uv_hrtime();
    if (!(secs > 0))
        return now;
    double ns = ceil(secs * 1e9);
    if (ns >= (double)(UINT64_MAX - now))
        return UINT64_MAX;
    return now + (uint64_t)ns;
}

static int time_sleep(lua_State *L)
{
    double secs = emilua_check_number(L, 1, "secs");
    if (isnan(secs))
        return emilua_raise_einval_arg(L, 1);
    emilua_fiber *f = emilua_begin_suspend(L);
    struct sleep_queue *q = vm_queue(L);
    if (q->n == q->cap) {
        size_t cap = q->cap ? 2 * q->cap : 64;
        struct sleeper *heap = realloc(q->heap, cap * sizeof *heap);
        if (!heap)
            return emilua_raise_errno(L, ENOMEM);
        q->heap = heap;
        q->cap = cap;
    }
    q->heap[q->n++] = (struct sleeper){
        .deadline = deadline_after(secs), .seq = q->seq++, .fiber = f,
    };
    size_t i = sift_up(q, q->n - 1);
    if (i == 0)
        queue_arm(q);
    return emilua_suspend(L, f, sleep_cancel, (void *)(uintptr_t)i);
}

static const emilua_reg time_funcs[] = {
    {"sleep", time_sleep, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

int emilua_open_time(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "time", time_funcs);
    time_open_clocks(L);
    time_open_timers(L);
    return 1;
}
