/* The shared object life cycle: see include/emilua/object.h. */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>

#include <emilua/object.h>

#include "core.h"

struct box {
    emilua_object *o;       /* NULL once collected */
};

static void maybe_free(emilua_object *o)
{
    if (!o->collected || o->open_handles > 0)
        return;
    if (o->ops->finalize)
        o->ops->finalize(o);
    free(o);
}

void *emilua_object_new(lua_State *L, const emilua_udata_type *type,
                        size_t size, const emilua_object_ops *ops)
{
    assert(size >= sizeof(emilua_object));
    /* The userdata first: if that allocation raises, nothing leaks. */
    struct box *b = emilua_new_udata(L, type, sizeof *b);
    b->o = NULL;
    emilua_object *o = calloc(1, size);
    if (!o)
        emilua_raise_errno(L, ENOMEM);
    o->ops = ops;
    o->vm = emilua_vm_of(L);
    b->o = o;
    return o;
}

void *emilua_object_test(lua_State *L, int idx, const emilua_udata_type *type)
{
    struct box *b = emilua_test_udata(L, idx, type);
    return b ? b->o : NULL;
}

void *emilua_object_check(lua_State *L, int argn, const emilua_udata_type *type)
{
    struct box *b = emilua_check_udata(L, argn, type);
    return b->o;
}

void emilua_object_add_handle(emilua_object *o, uv_handle_t *h)
{
    h->data = o;
    o->open_handles++;
}

static void handle_closed(uv_handle_t *h)
{
    emilua_object *o = h->data;
    assert(o->open_handles > 0);
    if (o->ops->handle_closed)
        o->ops->handle_closed(o, h);
    o->open_handles--;
    maybe_free(o);
}

void emilua_object_close_handle(uv_handle_t *h)
{
    uv_close(h, handle_closed);
}

void emilua_object_close(emilua_object *o)
{
    if (o->closed)
        return;
    o->closed = true;
    o->ops->close(o);
}

int emilua_object_gc(lua_State *L)
{
    struct box *b = lua_touserdata(L, 1);
    emilua_object *o = b->o;
    if (!o)
        return 0;
    b->o = NULL;
    emilua_object_close(o);
    o->collected = true;
    maybe_free(o);
    return 0;
}

int emilua_object_end_waits(emilua_object *o, struct emilua_waitq *q,
                            int status,
                            void (*release)(struct emilua_waiter *w))
{
    bool resume = !emilua_vm_closed(o->vm);
    int n = 0;
    struct emilua_waiter *w;
    while ((w = emilua_waitq_pop(q))) {
        emilua_fiber *f = w->fiber;
        release(w);
        if (resume)
            emilua_resume_status(f, status);
        n++;
    }
    return n;
}
