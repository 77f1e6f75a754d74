/* Shared by the byte_span sources: the userdata type and small helpers. */
#ifndef EMILUA_BYTE_SPAN_INTERNAL_H
#define EMILUA_BYTE_SPAN_INTERNAL_H

#include <emilua/api.h>
#include <emilua/byte_span.h>

extern const emilua_udata_type emilua_byte_span_type;

/* The userdata: the public struct, then what only byte_span reads. */
struct bs_span {
    emilua_byte_span pub;
    unsigned int udata_len;      /* lua_objlen() of the userdata */
    enum {
        BS_VIEW,                 /* no __gc: kept alive by its anchor */
        BS_ROOT,                 /* holds a reference, has a __gc */
        BS_ROOT_ANCHORED,        /* a root whose block has views */
    } kind;
};

/* self (argument #1) of a method, or raises an argument error. */
static inline emilua_byte_span *bs_self(lua_State *L)
{
    return emilua_check_udata(L, 1, &emilua_byte_span_type);
}

/* Pushes a view of [first, first + size) (0-based) of the byte_span at
 * idx, whose capacity runs to the end of the block; first + size must not
 * pass that span's capacity.  No type check: idx must hold a byte_span. */
emilua_byte_span *bs_push_view(lua_State *L, int idx, size_t first,
                               size_t size);

/* The bytes of a string or byte_span argument, or raises naming
 * name ("must be a byte_span or a string"). */
const unsigned char *bs_check_bytes(lua_State *L, int argn, size_t *len,
                                    const char *name);

/* An optional integer argument: def when absent or nil. */
lua_Integer bs_opt_integer(lua_State *L, int argn, lua_Integer def,
                           const char *name);

/* The string algorithms (algorithms.c). */
#define BS_ALGORITHMS(X) \
    X(starts_with) X(ends_with) X(find) X(rfind) X(find_first_of) \
    X(find_last_of) X(find_first_not_of) X(find_last_not_of) X(trimmed) \
    X(inplace_lower) X(inplace_upper)

/* The serializers (serialization.c): X(suffix, width, big_endian, kind),
 * kind being 'u', 'i' or 'f'; each gives get_<suffix> and set_<suffix>. */
#define BS_SERIALIZERS(X) \
    X(u16be, 2, 1, 'u') X(u16le, 2, 0, 'u') X(u24be, 3, 1, 'u') \
    X(u24le, 3, 0, 'u') X(u32be, 4, 1, 'u') X(u32le, 4, 0, 'u') \
    X(u40be, 5, 1, 'u') X(u40le, 5, 0, 'u') X(u48be, 6, 1, 'u') \
    X(u48le, 6, 0, 'u') \
    X(i8, 1, 1, 'i') \
    X(i16be, 2, 1, 'i') X(i16le, 2, 0, 'i') X(i24be, 3, 1, 'i') \
    X(i24le, 3, 0, 'i') X(i32be, 4, 1, 'i') X(i32le, 4, 0, 'i') \
    X(i40be, 5, 1, 'i') X(i40le, 5, 0, 'i') X(i48be, 6, 1, 'i') \
    X(i48le, 6, 0, 'i') \
    X(f32be, 4, 1, 'f') X(f32le, 4, 0, 'f') X(f64be, 8, 1, 'f') \
    X(f64le, 8, 0, 'f')

#define BS_DECLARE_ALGORITHM(name) int emilua_bs_##name(lua_State *L);
BS_ALGORITHMS(BS_DECLARE_ALGORITHM)
#define BS_DECLARE_SERIALIZER(sfx, w, be, kind) \
    int emilua_bs_get_##sfx(lua_State *L); \
    int emilua_bs_set_##sfx(lua_State *L);
BS_SERIALIZERS(BS_DECLARE_SERIALIZER)

#endif
