/* The time module.  For now only time.sleep(); the clocks and timers
 * come with their own issue. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include <emilua/api.h>

struct sleep_op {
    uv_timer_t timer;
    emilua_fiber *fiber;
};

static void sleep_closed(uv_handle_t *h)
{
    free(h->data);
}

static void sleep_done(uv_timer_t *t)
{
    struct sleep_op *op = t->data;
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

/* Seconds to whole milliseconds, rounded up so a sleep never ends early. */
static uint64_t to_ms(double secs)
{
    if (!(secs > 0))
        return 0;
    double ms = ceil(secs * 1000.0);
    return ms >= 1.8e19 ? UINT64_MAX / 2 : (uint64_t)ms;
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
    uv_timer_start(&op->timer, sleep_done, to_ms(secs), 0);
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
    return 1;
}
