/* The deadlock report.  When a VM runs out of work while fibers are still
 * suspended on objects that only its other fibers could complete (a
 * mutex, a condition variable, a future, a join), nothing will ever wake
 * them: the shutdown names each such object once. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core.h"

/* Open addressing over a power-of-two table at most half full. */
struct ptr_set {
    const void **slots;
    size_t mask;
};

/* True when p was not in the set yet. */
static bool ptr_set_add(struct ptr_set *s, const void *p)
{
    size_t i = (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15u) & s->mask;
    while (s->slots[i]) {
        if (s->slots[i] == p)
            return false;
        i = (i + 1) & s->mask;
    }
    s->slots[i] = p;
    return true;
}

static void report_line(emilua_vm *vm, bool *header, const char *fmt,
                        const void *object)
{
    emilua_process *p = vm->ctx->process;
    if (!*header) {
        report_error_line(p, "Possible deadlock(s) detected during VM %p "
                             "shutdown:", vm->id);
        *header = true;
    }
    char line[256];
    snprintf(line, sizeof line, fmt, object);
    report_error_line(p, "\t%s", line);
}

void vm_report_deadlocks(emilua_vm *vm)
{
    size_t n = 0;
    emilua_fiber *oldest = NULL;
    for (emilua_fiber *f = vm->all_fibers; f; f = f->next_all, n++)
        oldest = f;
    size_t cap = 2;
    while (cap < 2 * n)
        cap <<= 1;
    struct ptr_set seen = {calloc(cap, sizeof *seen.slots), cap - 1};
    if (!seen.slots)
        return;
    bool header = false;
    for (emilua_fiber *f = oldest; f; f = f->prev_all) {
        if (f->state == FIBER_SUSPENDED && f->blocked &&
            ptr_set_add(&seen, f->blocked->object))
            report_line(vm, &header, f->blocked->fmt, f->blocked->object);
    }
    for (emilua_fiber *f = oldest; f; f = f->prev_all) {
        if (f->joiner)
            report_line(vm, &header,
                        "No scheduled fibers remaining to finish fiber %p",
                        f);
    }
    free(seen.slots);
}
