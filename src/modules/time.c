/* The time module: time.sleep() here (the worked example of a suspending
 * function, see include/emilua/api.h), the clocks and their time points
 * in time/clocks.c, the timers in time/timers.c. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include <emilua/api.h>

#include "time/time_module.h"

struct sleep_op {
    uv_timer_t timer;
    emilua_fiber *fiber;
    uint64_t deadline;      /* in uv_hrtime() nanoseconds */
};

static void sleep_closed(uv_handle_t *h)
{
    free(h->data);
}

static void sleep_start(struct sleep_op *op);

static void sleep_done(uv_timer_t *t)
{
    struct sleep_op *op = t->data;
    if (uv_hrtime() < op->deadline) {   /* the loop's clock ran early */
        sleep_start(op);
        return;
    }
    emilua_resume_nothing(op->fiber);
    uv_close((uv_handle_t *)t, sleep_closed);
}

static void sleep_cancel(emilua_fiber *f, void *data)
{
    struct sleep_op *op = data;
    uv_timer_stop(&op->timer);
    uv_close((uv_handle_t *)&op->timer, sleep_closed);
    emilua_resume_canceled(f);
}

/* libuv timers count whole milliseconds on a cached, coarse loop clock:
 * round up, and let sleep_done() check the real clock. */
static void sleep_start(struct sleep_op *op)
{
    uv_update_time(op->timer.loop);
    uint64_t now = uv_hrtime();
    uint64_t left = op->deadline > now ? op->deadline - now : 0;
    uint64_t ms = left / 1000000 + (left % 1000000 != 0);
    uv_timer_start(&op->timer, sleep_done, ms, 0);
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
    double secs = emilua_check_number(L, 1, "time.sleep", "secs");
    if (isnan(secs))
        return emilua_raise_einval_arg(L, 1);
    emilua_fiber *f = emilua_begin_suspend(L);
    struct sleep_op *op = malloc(sizeof *op);
    if (!op)
        return emilua_raise_errno(L, ENOMEM);
    emilua_vm *vm = emilua_vm_of(L);
    uv_timer_init(emilua_vm_loop(vm), &op->timer);
    op->timer.data = op;
    op->fiber = f;
    op->deadline = deadline_after(secs);
    sleep_start(op);
    return emilua_suspend(L, f, sleep_cancel, op);
}

static const emilua_reg time_funcs[] = {
    {"sleep", time_sleep, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

int emilua_open_time(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, time_funcs);
    time_open_clocks(L);
    time_open_timers(L);
    return 1;
}
