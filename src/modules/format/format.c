/* format(fmt, ...): the libfmt / C++20 std::format language for booleans,
 * numbers and strings.
 *
 * Lua numbers are doubles.  A number is formatted as an integer when its
 * presentation type is an integer one (b B c d o x X; the value must then
 * be integral), or when there is no type, no precision and the value is
 * integral with magnitude up to 2^53 (for those the shortest float form is
 * the same digits anyway).  Everything else is formatted as a double.
 *
 * Where fmt versions disagree this follows C++20: '0' is ignored when an
 * explicit alignment is given, numbers (infinities too) align right by
 * default, and sign, '#' and '0' need a numeric presentation. */
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emilua/api.h>

#include "internal.h"

/* ---- arguments ----------------------------------------------------------- */

/* Reads the value at idx into a; false when it has an unsupported type. */
static bool read_value(lua_State *L, int idx, struct arg *a)
{
    a->type = lua_type(L, idx);
    switch (a->type) {
    case LUA_TBOOLEAN:
        a->b = lua_toboolean(L, idx);
        return true;
    case LUA_TNUMBER:
        a->n = lua_tonumber(L, idx);
        return true;
    case LUA_TSTRING:
        a->s = lua_tolstring(L, idx, &a->len);
        return true;
    default:
        return false;
    }
}

/* Fills args from the Lua arguments 2..top.  Strings stay alive on the
 * stack (a pair's strings through its table) until format returns. */
static void read_args(lua_State *L, struct arg *args, int nargs)
{
    static const char expected[] =
        "a boolean, number, string or {name, value} pair";
    for (int i = 0; i < nargs; i++) {
        struct arg *a = &args[i];
        int idx = i + 2;
        memset(a, 0, sizeof *a);
        if (lua_type(L, idx) != LUA_TTABLE) {
            if (!read_value(L, idx, a))
                emilua_arg_error(L, idx, NULL, expected);
            continue;
        }
        lua_rawgeti(L, idx, 1);
        lua_rawgeti(L, idx, 2);
        bool ok = lua_type(L, -2) == LUA_TSTRING && read_value(L, -1, a);
        if (ok)
            a->name = lua_tolstring(L, -2, &a->name_len);
        lua_pop(L, 2);
        if (!ok)
            emilua_arg_error(L, idx, NULL, expected);
    }
}

/* ---- one replacement field ------------------------------------------------ */

static bool is_integer_type(char t)
{
    return t && strchr("bBcdoxX", t);
}

/* Raises for the first of sign, '#', '0' and 'L' present in sp. */
static void reject_flags(struct parser *ps, const struct spec *sp, bool locale)
{
    const char *at = sp->at_sign;
    if (!at || (sp->at_alt && sp->at_alt < at))
        at = sp->at_alt ? sp->at_alt : at;
    if (!at || (sp->at_zero && sp->at_zero < at))
        at = sp->at_zero ? sp->at_zero : at;
    if (!at && locale)
        at = sp->at_locale;
    if (at)
        fmt_fail_at(ps, at, "format specifier requires numeric argument");
}

static void reject_precision(struct parser *ps, const struct spec *sp)
{
    if (sp->at_precision)
        fmt_fail_at(ps, sp->at_precision,
                    "precision not allowed for this argument type");
}

static void write_arg(struct parser *ps, const struct arg *a,
                      const struct spec *sp)
{
    char t = sp->type;
    switch (a->type) {
    case LUA_TSTRING:
        if (t && t != 's' && t != '?')
            fmt_fail_at(ps, sp->at_type, "invalid type specifier");
        reject_flags(ps, sp, true);
        if (t == '?')
            fmt_write_debug_string(ps, sp, a->s, a->len);
        else
            fmt_write_string(ps, sp, a->s, a->len);
        return;
    case LUA_TBOOLEAN:
        if (t && t != 's' && !is_integer_type(t))
            fmt_fail_at(ps, sp->at_type, "invalid type specifier");
        reject_precision(ps, sp);
        if (is_integer_type(t)) {
            fmt_write_integer(ps, sp, false, a->b);
            return;
        }
        reject_flags(ps, sp, false);
        fmt_write_string(ps, sp, a->b ? "true" : "false", a->b ? 4 : 5);
        return;
    }
    double n = a->n;
    if (t == 's' || t == '?')
        fmt_fail_at(ps, sp->at_type, "invalid type specifier");
    if (is_integer_type(t)) {
        reject_precision(ps, sp);
        /* Every double in [-2^63, 2^64) that is integral converts exactly. */
        if (n != floor(n) || !(n >= -9223372036854775808.0 &&
                               n < 18446744073709551616.0))
            fmt_fail_at(ps, sp->at_type,
                        "integer presentation type for a non-integral number");
        bool negative = n < 0;
        uint64_t mag = (uint64_t)(negative ? -n : n);
        if (t == 'c' && (negative || mag > 255))
            fmt_fail_at(ps, sp->at_type, "'c' needs a number from 0 to 255");
        fmt_write_integer(ps, sp, negative, mag);
        return;
    }
    if (!t && !sp->at_precision && n == floor(n) && fabs(n) <= 9007199254740992.0
        && !(n == 0 && signbit(n))) {
        fmt_write_integer(ps, sp, n < 0, (uint64_t)fabs(n));
        return;
    }
    fmt_write_double(ps, sp, n);
}

/* The cursor is just after the '{'. */
static void replacement_field(struct parser *ps)
{
    struct arg *a = fmt_parse_arg_id(ps, ":}");
    struct spec sp;
    if (*ps->p == ':') {
        ps->p++;
        fmt_parse_spec(ps, &sp);
    } else {
        memset(&sp, 0, sizeof sp);
        sp.fill[0] = ' ';
        sp.fill_len = 1;
        sp.precision = -1;
    }
    ps->p++;                    /* the '}' */
    write_arg(ps, a, &sp);
}

static int run(lua_State *L)
{
    struct parser *ps = lua_touserdata(L, 1);
    while (ps->p < ps->end) {
        const char *q = ps->p;
        while (q < ps->end && *q != '{' && *q != '}')
            q++;
        fmt_buf_add(ps->out, ps->p, (size_t)(q - ps->p));
        ps->p = q;
        if (q == ps->end)
            break;
        if (q + 1 < ps->end && q[1] == *q) {
            fmt_buf_addchar(ps->out, *q);
            ps->p = q + 2;
            continue;
        }
        if (*q == '}')
            fmt_fail_at(ps, q, "unmatched '}' in format string");
        ps->p = q + 1;
        replacement_field(ps);
    }
    return 0;
}

static int format(lua_State *L)
{
    size_t len;
    const char *fmt = emilua_check_string(L, 1, &len, "fmt");
    int nargs = lua_gettop(L) - 1;
    struct arg small[16];
    struct arg *args = small;
    if (nargs > 16)
        args = lua_newuserdata(L, sizeof *args * (size_t)nargs);
    read_args(L, args, nargs);

    struct buf out = {L, NULL, 0, 0}, scratch = {L, NULL, 0, 0};
    struct parser ps = {
        .L = L, .fmt = fmt, .p = fmt, .end = fmt + len,
        .args = args, .nargs = nargs, .out = &out, .scratch = &scratch,
    };
    /* Run protected so that the buffers are freed on errors too. */
    int status = lua_cpcall(L, run, &ps);
    free(scratch.p);
    if (status == 0)
        lua_pushlstring(L, out.p ? out.p : "", out.len);
    free(out.p);
    if (status != 0)
        return lua_error(L);
    return 1;
}

int emilua_open_format(lua_State *L)
{
    emilua_name_func(L, format, NULL, NULL, "format");
    lua_pushcfunction(L, format);
    return 1;
}
