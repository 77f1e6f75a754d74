/* format(): the parser of replacement fields and format_specs. */
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emilua/api.h>

#include "internal.h"

/* Raises "format: WHY at offset N of fmt" (N counts bytes from 0). */
int fmt_fail_at(struct parser *ps, const char *where, const char *why)
{
    return luaL_error(ps->L, "format: %s at offset %d of fmt", why,
                      (int)(where - ps->fmt));
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* strchr() would also find the NUL that ends set: fmt may contain NULs. */
static bool in_set(char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}

static bool is_id_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static struct arg *auto_arg(struct parser *ps, const char *where)
{
    if (ps->manual)
        fmt_fail_at(ps, where,
                    "cannot switch from manual to automatic argument indexing");
    int i = ps->next_auto++;
    if (i >= ps->nargs)
        fmt_fail_at(ps, where, "argument not found");
    return &ps->args[i];
}

/* A non-negative decimal number; "number is too big" past INT_MAX. */
static int parse_int(struct parser *ps)
{
    const char *start = ps->p;
    long long v = 0;
    while (ps->p < ps->end && is_digit(*ps->p)) {
        v = v * 10 + (*ps->p++ - '0');
        if (v > INT_MAX)
            fmt_fail_at(ps, start, "number is too big");
    }
    return (int)v;
}

/* Parses an arg_id (integer or identifier; an empty one means automatic)
 * that must be followed by one of the terminators. */
struct arg *fmt_parse_arg_id(struct parser *ps, const char *terminators)
{
    const char *start = ps->p;
    if (ps->p == ps->end)
        fmt_fail_at(ps, start, "invalid format string");
    char c = *ps->p;
    if (in_set(c, terminators))
        return auto_arg(ps, start);
    struct arg *a = NULL;
    if (is_digit(c)) {
        int i = c == '0' ? (ps->p++, 0) : parse_int(ps);
        if (ps->p == ps->end || !in_set(*ps->p, terminators))
            fmt_fail_at(ps, ps->p, "invalid format string");
        if (ps->next_auto > 0)
            fmt_fail_at(ps, start,
                        "cannot switch from automatic to manual argument indexing");
        ps->manual = true;
        if (i >= ps->nargs)
            fmt_fail_at(ps, start, "argument not found");
        return &ps->args[i];
    }
    if (!is_id_start(c))
        fmt_fail_at(ps, start, "invalid format string");
    while (ps->p < ps->end && (is_id_start(*ps->p) || is_digit(*ps->p)))
        ps->p++;
    size_t len = (size_t)(ps->p - start);
    if (ps->p == ps->end || !in_set(*ps->p, terminators))
        fmt_fail_at(ps, ps->p, "invalid format string");
    for (int i = 0; i < ps->nargs && !a; i++) {
        if (ps->args[i].name && ps->args[i].name_len == len &&
            memcmp(ps->args[i].name, start, len) == 0)
            a = &ps->args[i];
    }
    if (!a)
        fmt_fail_at(ps, start, "argument not found");
    return a;
}

/* "{arg}" for a width or precision: a non-negative integral number. */
static int parse_dynamic(struct parser *ps, const char *what)
{
    const char *start = ps->p++;          /* the '{' */
    struct arg *a = fmt_parse_arg_id(ps, "}");
    ps->p++;
    char msg[64];
    if (a->type != LUA_TNUMBER || a->n != floor(a->n)) {
        snprintf(msg, sizeof msg, "%s is not integer", what);
        fmt_fail_at(ps, start, msg);
    }
    if (a->n < 0) {
        snprintf(msg, sizeof msg, "negative %s", what);
        fmt_fail_at(ps, start, msg);
    }
    if (a->n > INT_MAX)
        fmt_fail_at(ps, start, "number is too big");
    return (int)a->n;
}

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '^';
}

/* format_spec ::= [[fill]align][sign]["#"]["0"][width]["." precision]["L"]
 *                 [type]; the cursor is just after the ':'. */
void fmt_parse_spec(struct parser *ps, struct spec *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->fill[0] = ' ';
    sp->fill_len = 1;
    sp->precision = -1;
    const char *p = ps->p, *end = ps->end;

    size_t cl = p < end ? fmt_utf8_len((unsigned char)*p) : 0;
    if (cl && p + cl < end && is_align(p[cl])) {
        if (*p == '{' || *p == '}')
            fmt_fail_at(ps, p, *p == '{' ? "invalid fill character '{'"
                        : "invalid fill character '}'");
        memcpy(sp->fill, p, cl);
        sp->fill_len = cl;
        sp->align = p[cl];
        p += cl + 1;
    } else if (p < end && is_align(*p)) {
        sp->align = *p++;
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' '))
        sp->at_sign = p, sp->sign = *p++;
    if (p < end && *p == '#')
        sp->at_alt = p++, sp->alt = true;
    if (p < end && *p == '0')
        sp->at_zero = p++;
    ps->p = p;
    if (p < end && is_digit(*p))
        sp->width = parse_int(ps);
    else if (p < end && *p == '{')
        sp->width = parse_dynamic(ps, "width");
    if (ps->p < end && *ps->p == '.') {
        sp->at_precision = ps->p++;
        if (ps->p < end && is_digit(*ps->p))
            sp->precision = parse_int(ps);
        else if (ps->p < end && *ps->p == '{')
            sp->precision = parse_dynamic(ps, "precision");
        else
            fmt_fail_at(ps, ps->p, "missing precision specifier");
    }
    p = ps->p;
    if (p < end && *p == 'L')
        sp->at_locale = p++, sp->localized = true;
    if (p < end && *p != '}') {
        if (!in_set(*p, "aAbBcdeEfFgGosx?X"))
            fmt_fail_at(ps, p, "invalid type specifier");
        sp->at_type = p;
        sp->type = *p++;
    }
    if (p == end)
        fmt_fail_at(ps, p, "missing '}' in format string");
    if (*p != '}')
        fmt_fail_at(ps, p, "unknown format specifier");
    ps->p = p;
    /* '0' pads after the sign, unless an alignment was asked for. */
    if (sp->at_zero && !sp->align) {
        sp->align = '=';
        sp->fill[0] = '0';
        sp->fill_len = 1;
    }
}
