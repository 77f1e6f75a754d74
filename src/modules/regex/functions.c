/* regex.match, regex.search, regex.split and regex.patsplit: each checks
 * its arguments, runs the engine over the string or byte_span, and
 * pushes pieces of the same type as the subject. */
#include <errno.h>
#include <string.h>

#include <emilua/byte_span.h>

#include "internal.h"

struct subject {
    const unsigned char *s;
    size_t len;
    bool span;
};

/* Argument 2.  Numbers are refused although Lua could convert them. */
static void check_subject(lua_State *L, struct subject *sub)
{
    if (lua_type(L, 2) == LUA_TSTRING) {
        sub->s = (const unsigned char *)lua_tolstring(L, 2, &sub->len);
        sub->span = false;
        return;
    }
    emilua_byte_span *bs = emilua_test_byte_span(L, 2);
    if (!bs)
        emilua_arg_error(L, 2, "str", "a string or a byte_span");
    sub->s = emilua_byte_span_data(bs);
    sub->len = bs->size;
    sub->span = true;
}

static struct rx *check_regex(lua_State *L)
{
    struct rx *re = emilua_test_udata(L, 1, &rx_type);
    if (!re)
        emilua_arg_error(L, 1, "re", "a regex");
    return re;
}

/* Bytes [first, first + size) of the subject: a string, or a view that
 * shares the span's memory. */
static void push_piece(lua_State *L, const struct subject *sub, size_t first,
                       size_t size)
{
    if (sub->span)
        emilua_push_byte_span_view(L, 2, first, size);
    else
        lua_pushlstring(L, (const char *)sub->s + first, size);
}

/* Room for n offset pairs, collected with the call. */
static size_t *scratch(lua_State *L, uint32_t n)
{
    return lua_newuserdata(L, 2 * (size_t)n * sizeof(size_t));
}

static int exec_or_raise(lua_State *L, struct rx *re,
                         const struct subject *sub, size_t start,
                         unsigned flags, size_t *ov, uint32_t n)
{
    int rc = rx_exec(re, sub->s, sub->len, start, flags, ov, n);
    if (rc < 0)
        rx_raise_match(L, rc);
    return rc;
}

int rx_match(lua_State *L)
{
    struct rx *re = check_regex(L);
    struct subject sub;
    check_subject(L, &sub);
    lua_settop(L, 2);
    if (re->grammar == RX_ECMA)
        rx_need_full(L, re);
    uint32_t n = re->groups + 1;
    size_t *ov = scratch(L, n);
    if (!exec_or_raise(L, re, &sub, 0, RX_FULL, ov, n)) {
        lua_pushnil(L);
        return 1;
    }
    if (re->groups == 0) {
        lua_pushvalue(L, 2);
        return 1;
    }
    luaL_checkstack(L, (int)re->groups, "regex.match: too many captures");
    for (uint32_t i = 1; i < n; i++) {
        if (ov[2 * i] == SIZE_MAX)      /* did not take part */
            push_piece(L, &sub, 0, 0);
        else
            push_piece(L, &sub, ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
    }
    return (int)re->groups;
}

int rx_search(lua_State *L)
{
    struct rx *re = check_regex(L);
    struct subject sub;
    check_subject(L, &sub);
    lua_settop(L, 2);
    uint32_t n = re->groups + 1;
    size_t *ov = scratch(L, n);
    bool found = exec_or_raise(L, re, &sub, 0, 0, ov, n);
    lua_createtable(L, found ? (int)re->groups : 0, 1);
    lua_pushboolean(L, !found);
    lua_setfield(L, -2, "empty");
    if (!found)
        return 1;
    for (uint32_t i = 0; i < n; i++) {
        if (ov[2 * i] == SIZE_MAX)
            continue;
        /* 1-based and inclusive: an empty match ends before it starts */
        lua_createtable(L, 0, 2);
        lua_pushinteger(L, (lua_Integer)ov[2 * i] + 1);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)ov[2 * i + 1]);
        lua_setfield(L, -2, "end_");
        lua_rawseti(L, -2, (int)i);
    }
    return 1;
}

/* Emilua's split(): the fields between non-empty matches, as a
 * regex_token_iterator over submatch -1 yields them: every field before a
 * separator (empty ones too), then the rest of the subject unless it is
 * empty; a subject with no separator is one field, even when empty.
 * Capturing groups are not supported, as upstream. */
int rx_split(lua_State *L)
{
    struct rx *re = check_regex(L);
    struct subject sub;
    check_subject(L, &sub);
    if (re->groups > 0)
        return emilua_raise_error(L, &emilua_generic_category, ENOTSUP);
    lua_settop(L, 2);
    size_t *ov = scratch(L, 1);
    lua_newtable(L);
    int nf = 0;
    size_t field = 0;
    while (field < sub.len &&
           exec_or_raise(L, re, &sub, field, RX_NOTEMPTY, ov, 1)) {
        push_piece(L, &sub, field, ov[0] - field);
        lua_rawseti(L, -2, ++nf);
        field = ov[1];
    }
    if (nf == 0 || field < sub.len) {
        push_piece(L, &sub, field, sub.len - field);
        lua_rawseti(L, -2, ++nf);
    }
    return 1;
}

/* GAWK's patsplit(): every match is a field, empty ones included, except
 * an empty match right where a non-empty one ended. */
int rx_patsplit(lua_State *L)
{
    struct rx *re = check_regex(L);
    struct subject sub;
    check_subject(L, &sub);
    if (re->groups > 0)
        return emilua_raise_error(L, &emilua_generic_category, ENOTSUP);
    lua_settop(L, 2);
    size_t *ov = scratch(L, 1);
    lua_newtable(L);
    int nf = 0;
    size_t from = 0, prev_end = SIZE_MAX;
    while (from <= sub.len && exec_or_raise(L, re, &sub, from, 0, ov, 1)) {
        size_t so = ov[0], eo = ov[1];
        /* ECMAScript alternatives are ordered: an empty match may have
         * been preferred where a longer one also starts. */
        if (so == eo && re->grammar == RX_ECMA &&
            exec_or_raise(L, re, &sub, so, RX_ANCHORED_NOTEMPTY, ov, 1))
            eo = ov[1];
        if (so == eo) {
            from = so + 1;
            if (so == prev_end)
                continue;
        } else {
            from = prev_end = eo;
        }
        push_piece(L, &sub, so, eo - so);
        lua_rawseti(L, -2, ++nf);
    }
    return 1;
}
