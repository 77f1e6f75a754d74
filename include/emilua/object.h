/* The life cycle every object of the runtime with libuv handles shares.
 *
 * The Lua value is a small userdata that points at an implementation
 * record allocated apart, because libuv finishes closing a handle after
 * the userdata may be gone.  The record starts with a struct
 * emilua_object:
 *
 *     struct my_timer {
 *         emilua_object obj;        // first member
 *         uv_timer_t timer;
 *         struct emilua_waitq waits;
 *     };
 *
 * - emilua_object_new() allocates the zeroed record and pushes the
 *   userdata; its type's metamethods must hold {"__gc", emilua_object_gc}.
 * - After each successful uv_*_init(), emilua_object_add_handle() counts
 *   the handle and points handle->data at the record.
 * - ops->close() runs once, from emilua_object_close() (a Lua close()
 *   method) or from __gc: it ends the pending operations with
 *   emilua_object_end_waits() and closes every handle with
 *   emilua_object_close_handle().  No module passes a callback of its own
 *   to uv_close().
 * - The record is freed when the userdata was collected and its last
 *   handle has closed, whichever comes last.
 *
 * A pending operation keeps its object reachable (the waiting fiber holds
 * it on its stack), so __gc finds pending operations only while the VM
 * closes; emilua_object_end_waits() then frees them and resumes nobody. */
#ifndef EMILUA_OBJECT_H
#define EMILUA_OBJECT_H

#include <emilua/api.h>
#include <emilua/waitq.h>

typedef struct emilua_object emilua_object;

typedef struct emilua_object_ops {
    /* Aborts the pending operations and closes the handles (see above). */
    void (*close)(emilua_object *o);
    /* Optional: a handle of the object finished closing (to free a
     * handle allocated apart from the record). */
    void (*handle_closed)(emilua_object *o, uv_handle_t *h);
    /* Optional: releases what the record owns, right before it is freed. */
    void (*finalize)(emilua_object *o);
} emilua_object_ops;

struct emilua_object {
    const emilua_object_ops *ops;
    emilua_vm *vm;
    unsigned open_handles;  /* initialised and not yet closed by libuv */
    bool closed;            /* ops->close() ran */
    bool collected;         /* the userdata is gone */
};

/* Pushes a userdata of type for a new zeroed record of size bytes (at
 * least sizeof(emilua_object)) and returns the record.  Raises ENOMEM. */
void *emilua_object_new(lua_State *L, const emilua_udata_type *type,
                        size_t size, const emilua_object_ops *ops);
/* The record behind the userdata at idx, or NULL for another value. */
void *emilua_object_test(lua_State *L, int idx, const emilua_udata_type *type);
/* Same, raising the usual argument error ("self" at argn 1). */
void *emilua_object_check(lua_State *L, int argn,
                          const emilua_udata_type *type);

/* Counts h, initialised with the object's loop, as the object's. */
void emilua_object_add_handle(emilua_object *o, uv_handle_t *h);
/* uv_close() with the shared callback. */
void emilua_object_close_handle(uv_handle_t *h);

/* Runs ops->close() unless it ran already. */
void emilua_object_close(emilua_object *o);
/* The __gc metamethod of every object type. */
int emilua_object_gc(lua_State *L);

/* Pops every waiter of q, frees it with release(), and resumes its fiber
 * with `status` (EMILUA_ABORTED to abort, 0 or a count to complete); when the VM is closed the fiber
 * is not resumed.  Returns how many waiters there were. */
int emilua_object_end_waits(emilua_object *o, struct emilua_waitq *q,
                            int status,
                            void (*release)(struct emilua_waiter *w));

#endif
