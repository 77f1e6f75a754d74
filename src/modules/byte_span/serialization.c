/* byte_span's get_ and set_ serializers.  The span's length must equal the
 * type's width (EINVAL otherwise); alignment does not matter.  set_* store
 * the integer's low bits in two's complement, so any integer in Lua's exact
 * range is accepted (like fill() and index assignment). */
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* These run millions of times per second: everything below inlines into
 * one small function per accessor, with the width and order constant. */
#define BS_INLINE static inline __attribute__((always_inline))

BS_INLINE uint64_t load(const unsigned char *p, int width, int big)
{
    uint64_t v = 0;
    for (int i = 0; i < width; i++)
        v |= (uint64_t)p[big ? i : width - 1 - i] << (8 * (width - 1 - i));
    return v;
}

BS_INLINE void store(unsigned char *p, int width, int big, uint64_t v)
{
    for (int i = 0; i < width; i++)
        p[big ? width - 1 - i : i] = (unsigned char)(v >> (8 * i));
}

BS_INLINE unsigned char *sized_self(lua_State *L, int width)
{
    emilua_byte_span *s = bs_self(L);
    if (s->size != (size_t)width)
        emilua_raise_einval_arg(L, 1);
    return emilua_byte_span_data(s);
}

BS_INLINE int get(lua_State *L, int width, int big,
                  char kind)
{
    uint64_t v = load(sized_self(L, width), width, big);
    if (kind == 'u') {
        lua_pushnumber(L, (lua_Number)v);
    } else if (kind == 'i') {
        /* Sign-extend from the top bit of the width. */
        int shift = 64 - 8 * width;
        lua_pushnumber(L, (lua_Number)((int64_t)(v << shift) >> shift));
    } else if (width == 4) {
        uint32_t bits = (uint32_t)v;
        float f;
        memcpy(&f, &bits, sizeof f);
        lua_pushnumber(L, f);
    } else {
        double d;
        memcpy(&d, &v, sizeof d);
        lua_pushnumber(L, d);
    }
    return 1;
}

BS_INLINE int set(lua_State *L, int width, int big,
                  char kind)
{
    unsigned char *p = sized_self(L, width);
    uint64_t v;
    if (kind != 'f') {
        v = (uint64_t)emilua_check_integer(L, 2, "n");
    } else if (width == 4) {
        float f = (float)emilua_check_number(L, 2, "n");
        uint32_t bits;
        memcpy(&bits, &f, sizeof bits);
        v = bits;
    } else {
        double d = emilua_check_number(L, 2, "n");
        memcpy(&v, &d, sizeof v);
    }
    store(p, width, big, v);
    return 0;
}

#define BS_DEFINE_SERIALIZER(sfx, width, big, kind) \
    int emilua_bs_get_##sfx(lua_State *L) \
    { \
        return get(L, width, big, kind); \
    } \
    int emilua_bs_set_##sfx(lua_State *L) \
    { \
        return set(L, width, big, kind); \
    }

BS_SERIALIZERS(BS_DEFINE_SERIALIZER)
