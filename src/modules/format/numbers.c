/* format(): integers, and doubles in their shortest and printf forms. */
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emilua/api.h>

#include "internal.h"

/* ---- integers ----------------------------------------------------------- */

void fmt_write_integer(struct parser *ps, const struct spec *sp,
                       bool negative, uint64_t mag)
{
    char type = sp->type ? sp->type : 'd';
    if (type == 'c') {
        char c = (char)mag;
        fmt_write_padded(ps->out, sp, "", 0, &c, 1, 1, '<');
        return;
    }
    char prefix[4];
    size_t np = 0;
    if (negative)
        prefix[np++] = '-';
    else if (sp->sign == '+' || sp->sign == ' ')
        prefix[np++] = sp->sign;
    unsigned base = 10;
    const char *digits = "0123456789abcdef";
    switch (type) {
    case 'b': case 'B':
        base = 2;
        break;
    case 'o':
        base = 8;
        break;
    case 'X':
        digits = "0123456789ABCDEF";
        /* fall through */
    case 'x':
        base = 16;
        break;
    }
    if (sp->alt && base != 10) {
        if (base == 8) {
            if (mag != 0)
                prefix[np++] = '0';
        } else {
            prefix[np++] = '0';
            prefix[np++] = type;      /* b B x X name their prefix */
        }
    }
    char buf[64];
    char *q = buf + sizeof buf;
    do {
        *--q = digits[mag % base];
        mag /= base;
    } while (mag);
    size_t n = (size_t)(buf + sizeof buf - q);
    fmt_write_padded(ps->out, sp, prefix, np, q, n, n, '>');
}

/* ---- doubles ------------------------------------------------------------- */

/* The shortest decimal digits that read back as v (v > 0, finite): puts
 * them in digits (NUL-terminated) and returns the decimal exponent of the
 * first digit. */
static int shortest_digits(double v, char digits[24])
{
    char buf[40];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        bool ok = strtod(buf, NULL) == v;
        if (!ok && p < 17) {
            /* Just above a power of two the gap below is half the gap
             * above, so the correctly rounded candidate may miss while its
             * upper neighbour still reads back as v. */
            char up[40];
            memcpy(up, buf, sizeof up);
            char *e = strchr(up, 'e');
            char *d = e - 1;
            while (d >= up && (*d == '9' || *d == '.')) {
                if (*d == '9')
                    *d = '0';
                d--;
            }
            if (d >= up && *d >= '0' && *d < '9') {
                (*d)++;
                if (strtod(up, NULL) == v)
                    memcpy(buf, up, sizeof buf), ok = true;
            }
        }
        if (ok)
            break;
    }
    /* buf is "d[.ddd]e[+-]XX" */
    size_t n = 0;
    char *c = buf;
    for (; *c != 'e'; c++) {
        if (*c != '.')
            digits[n++] = *c;
    }
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    return atoi(c + 1);
}

/* fmt's default for doubles: the shortest form, fixed notation for
 * exponents in [-4, 16), exponent notation otherwise. */
static void shortest_format(struct buf *b, double v, bool alt)
{
    if (v == 0) {
        fmt_buf_addstr(b, alt ? "0." : "0");
        return;
    }
    char d[24];
    int exp = shortest_digits(v, d);
    int n = (int)strlen(d);
    if (exp < -4 || exp >= 16) {
        fmt_buf_addchar(b, d[0]);
        if (n > 1 || alt)
            fmt_buf_addchar(b, '.');
        fmt_buf_addstr(b, d + 1);
        char e[16];
        snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
        fmt_buf_addstr(b, e);
    } else if (exp < 0) {
        fmt_buf_addstr(b, "0.");
        for (int i = -1; i > exp; i--)
            fmt_buf_addchar(b, '0');
        fmt_buf_addstr(b, d);
    } else {
        for (int i = 0; i <= exp; i++)
            fmt_buf_addchar(b, i < n ? d[i] : '0');
        if (n > exp + 1) {
            fmt_buf_addchar(b, '.');
            fmt_buf_addstr(b, d + exp + 1);
        } else if (alt) {
            fmt_buf_addchar(b, '.');      /* C++20: a point, no digit after */
        }
    }
}

/* The digits of a finite, non-negative double (no sign) into b. */
static void float_body(struct buf *b, const struct spec *sp, double v)
{
    char type = sp->type;
    if (!type && sp->precision < 0) {
        shortest_format(b, v, sp->alt);
        return;
    }
    int precision = sp->precision;
    char conv = type ? type : 'g';
    if (precision < 0)
        precision = conv == 'a' || conv == 'A' ? -1 : 6;
    char f[16];
    if (precision < 0)
        snprintf(f, sizeof f, "%%%s%c", sp->alt ? "#" : "", conv);
    else
        snprintf(f, sizeof f, "%%%s.*%c", sp->alt ? "#" : "", conv);
    char small[512];
    int n = precision < 0 ? snprintf(small, sizeof small, f, v)
                          : snprintf(small, sizeof small, f, precision, v);
    if ((size_t)n < sizeof small) {
        fmt_buf_add(b, small, (size_t)n);
        return;
    }
    fmt_buf_reserve(b, (size_t)n + 1);        /* and the terminating NUL */
    if (precision < 0)
        snprintf(b->p + b->len, (size_t)n + 1, f, v);
    else
        snprintf(b->p + b->len, (size_t)n + 1, f, precision, v);
    b->len += (size_t)n;
}

void fmt_write_double(struct parser *ps, const struct spec *sp, double v)
{
    char prefix[4];
    size_t np = 0;
    if (signbit(v))
        prefix[np++] = '-';
    else if (sp->sign == '+' || sp->sign == ' ')
        prefix[np++] = sp->sign;
    v = fabs(v);
    bool upper = sp->type && strchr("AEFG", sp->type);
    if (!isfinite(v)) {
        /* Zero padding makes no sense for inf and nan: pad with spaces. */
        struct spec s2 = *sp;
        if (s2.align == '=') {
            s2.align = '>';
            s2.fill[0] = ' ';
            s2.fill_len = 1;
        }
        const char *body = isnan(v) ? (upper ? "NAN" : "nan")
                                    : (upper ? "INF" : "inf");
        fmt_write_padded(ps->out, &s2, prefix, np, body, 3, 3, '>');
        return;
    }
    struct buf *body = ps->scratch;
    body->len = 0;
    float_body(body, sp, v);
    /* For hex floats "0x" belongs to the prefix, so zeros go after it. */
    size_t skip = 0;
    if (sp->type == 'a' || sp->type == 'A') {
        prefix[np++] = body->p[0];
        prefix[np++] = body->p[1];
        skip = 2;
    }
    size_t n = body->len - skip;
    fmt_write_padded(ps->out, sp, prefix, np, body->p + skip, n, n, '>');
}
