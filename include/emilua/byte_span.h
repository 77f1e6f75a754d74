/* The C side of byte_span, for modules that read into or write from one.
 *
 * A byte_span userdata views [offset, offset + size) of a shared,
 * reference-counted memory block; its capacity runs to the block's end.
 * The VM holds its references on a block for as long as any span of the
 * block is reachable (views keep them through their environment: never
 * change a span's environment, metatable or fields).  An operation that
 * hands the memory to the OS takes a reference of its own on the block
 * (emilua_bytes_ref) so the memory outlives the spans, and even the VM,
 * until the operation ends.  The count is atomic, so a thread that
 * finishes such an operation may drop its reference itself.
 *
 * Lua sees the span as 1-based (span[1] is data[offset]); from C use
 * emilua_byte_span_data(s)[0 .. s->size - 1]. */
#ifndef EMILUA_BYTE_SPAN_H
#define EMILUA_BYTE_SPAN_H

#include <stddef.h>

#include <lua.h>

typedef struct emilua_bytes {
    size_t refcount;
    size_t size;                 /* bytes in data */
    unsigned char data[];
} emilua_bytes;

typedef struct emilua_byte_span {
    emilua_bytes *mem;           /* NULL for a zero-capacity span */
    size_t offset;               /* first byte of the view in mem->data */
    size_t size;                 /* the length, #span */
    size_t capacity;             /* from offset to the end of mem */
} emilua_byte_span;

static inline unsigned char *emilua_byte_span_data(const emilua_byte_span *s)
{
    return s->mem ? s->mem->data + s->offset : NULL;
}

/* The byte_span at idx, or NULL when it is something else. */
emilua_byte_span *emilua_test_byte_span(lua_State *L, int idx);
/* The byte_span at argn, or raises an argument error. */
emilua_byte_span *emilua_check_byte_span(lua_State *L, int argn);
/* Pushes a new span of size bytes (zeroed) with the given capacity (raised
 * to size when smaller).  Raises ENOMEM (a system error) when the memory
 * cannot be had. */
emilua_byte_span *emilua_push_byte_span(lua_State *L, size_t size,
                                        size_t capacity);
/* Pushes a new span viewing bytes [first, first + size) (0-based) of the
 * byte_span at idx, sharing its memory; the view's capacity runs to the
 * end of the block.  The caller checks that idx holds a byte_span and
 * that first + size <= its capacity.  Cheap: the view has no finalizer,
 * and but for the first view of a block nothing else is allocated. */
emilua_byte_span *emilua_push_byte_span_view(lua_State *L, int idx,
                                             size_t first, size_t size);

/* Both accept NULL (the block of a zero-capacity span).  unref frees the
 * block with its last reference. */
void emilua_bytes_ref(emilua_bytes *mem);
void emilua_bytes_unref(emilua_bytes *mem);

#endif
