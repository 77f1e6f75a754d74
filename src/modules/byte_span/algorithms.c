/* byte_span's string algorithms.  Bytes are octets: no UTF-8, no locale.
 *
 * Positions follow std::string's rules, shifted to 1-based indices:
 * a `start` below 1 (or an `end_` below 1) raises EINVAL; a start past the
 * end finds nothing (except the empty string, found at #self + 1); an
 * `end_` past the end is clamped.  For rfind, `end_` bounds where the match
 * may begin; for find_last_*of it is the last byte examined. */
#include <stdbool.h>
#include <string.h>

#include "internal.h"

static const unsigned char *bytes_of(emilua_byte_span *s)
{
    return s->size ? emilua_byte_span_data(s) : (const unsigned char *)"";
}

static int push_position(lua_State *L, size_t pos)
{
    lua_pushinteger(L, (lua_Integer)pos + 1);
    return 1;
}

/* The 0-based position from an optional 1-based start (argument #3). */
static size_t check_start(lua_State *L, bool *past_end,
                          size_t size)
{
    lua_Integer start = bs_opt_integer(L, 3, 1, "start");
    if (start < 1)
        emilua_raise_einval_arg(L, 3);
    *past_end = (lua_Integer)size < start - 1;
    return *past_end ? size : (size_t)(start - 1);
}

/* The 0-based last position from an optional 1-based end_ (argument #3),
 * clamped to last. */
static size_t check_end(lua_State *L, const char *name,
                        size_t last)
{
    lua_Integer end = bs_opt_integer(L, 3, (lua_Integer)last + 1, name);
    if (end < 1)
        emilua_raise_einval_arg(L, 3);
    return (lua_Integer)last < end - 1 ? last : (size_t)(end - 1);
}

int emilua_bs_starts_with(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    size_t n;
    const unsigned char *p = bs_check_bytes(L, 2, &n, "prefix");
    lua_pushboolean(L, n <= s->size && memcmp(bytes_of(s), p, n) == 0);
    return 1;
}

int emilua_bs_ends_with(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    size_t n;
    const unsigned char *p = bs_check_bytes(L, 2, &n, "suffix");
    lua_pushboolean(L, n <= s->size &&
                    memcmp(bytes_of(s) + s->size - n, p, n) == 0);
    return 1;
}

int emilua_bs_find(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    size_t n;
    const unsigned char *tgt = bs_check_bytes(L, 2, &n, "tgt");
    bool past_end;
    size_t pos = check_start(L, &past_end, s->size);
    if (past_end || n > s->size - pos)
        return lua_pushnil(L), 1;
    if (n == 0)
        return push_position(L, pos);
    const unsigned char *hay = bytes_of(s);
    const unsigned char *hit = memmem(hay + pos, s->size - pos, tgt, n);
    if (!hit)
        return lua_pushnil(L), 1;
    return push_position(L, (size_t)(hit - hay));
}

int emilua_bs_rfind(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    size_t n;
    const unsigned char *tgt = bs_check_bytes(L, 2, &n, "tgt");
    size_t pos = check_end(L, "end_", s->size);
    if (n > s->size)
        return lua_pushnil(L), 1;
    if (pos > s->size - n)
        pos = s->size - n;
    const unsigned char *hay = bytes_of(s);
    for (size_t i = pos + 1; i-- > 0;) {
        if (memcmp(hay + i, tgt, n) == 0)
            return push_position(L, i);
    }
    lua_pushnil(L);
    return 1;
}

/* The byte set of argument #2. */
static void check_set(lua_State *L, bool set[256])
{
    size_t n;
    const unsigned char *p = bs_check_bytes(L, 2, &n, "strlist");
    memset(set, 0, 256 * sizeof set[0]);
    for (size_t i = 0; i < n; i++)
        set[p[i]] = true;
}

static int find_first(lua_State *L, bool member)
{
    emilua_byte_span *s = bs_self(L);
    bool set[256];
    check_set(L, set);
    bool past_end;
    size_t pos = check_start(L, &past_end, s->size);
    const unsigned char *p = bytes_of(s);
    for (size_t i = pos; i < s->size; i++) {
        if (set[p[i]] == member)
            return push_position(L, i);
    }
    lua_pushnil(L);
    return 1;
}

static int find_last(lua_State *L, const char *name,
                     bool member)
{
    emilua_byte_span *s = bs_self(L);
    bool set[256];
    check_set(L, set);
    if (s->size == 0) {
        bs_opt_integer(L, 3, 1, name);
        return lua_pushnil(L), 1;
    }
    size_t pos = check_end(L, name, s->size - 1);
    const unsigned char *p = bytes_of(s);
    for (size_t i = pos + 1; i-- > 0;) {
        if (set[p[i]] == member)
            return push_position(L, i);
    }
    lua_pushnil(L);
    return 1;
}

int emilua_bs_find_first_of(lua_State *L)
{
    return find_first(L, true);
}

int emilua_bs_find_first_not_of(lua_State *L)
{
    return find_first(L, false);
}

int emilua_bs_find_last_of(lua_State *L)
{
    return find_last(L, "end_", true);
}

/* The manual names this parameter `end`, unlike its siblings. */
int emilua_bs_find_last_not_of(lua_State *L)
{
    return find_last(L, "end", false);
}

int emilua_bs_trimmed(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    bool set[256] = {false};
    const unsigned char *lws = (const unsigned char *)" \f\n\r\t\v";
    size_t n = 6;
    if (!lua_isnoneornil(L, 2))
        lws = bs_check_bytes(L, 2, &n, "lws");
    for (size_t i = 0; i < n; i++)
        set[lws[i]] = true;
    const unsigned char *p = bytes_of(s);
    size_t first = 0, end = s->size;
    while (first < end && set[p[first]])
        first++;
    while (end > first && set[p[end - 1]])
        end--;
    bs_push_view(L, 1, first, end - first);
    return 1;
}

int emilua_bs_inplace_lower(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    unsigned char *p = emilua_byte_span_data(s);
    for (size_t i = 0; i < s->size; i++) {
        if (p[i] >= 'A' && p[i] <= 'Z')
            p[i] += 'a' - 'A';
    }
    return 0;
}

int emilua_bs_inplace_upper(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    unsigned char *p = emilua_byte_span_data(s);
    for (size_t i = 0; i < s->size; i++) {
        if (p[i] >= 'a' && p[i] <= 'z')
            p[i] -= 'a' - 'A';
    }
    return 0;
}
