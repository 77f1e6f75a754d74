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

/* ---- UTF-8 ------------------------------------------------------------- */

/* Bytes in the sequence that starts with lead (1 for stray bytes). */
static size_t utf8_len(unsigned char lead)
{
    if (lead < 0xc0)
        return 1;
    if (lead < 0xe0)
        return 2;
    if (lead < 0xf0)
        return 3;
    return lead < 0xf8 ? 4 : 1;
}

/* Decodes the sequence at s (n bytes available); *len gets its length.
 * Malformed input yields the lone byte and -1. */
static long utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
    size_t l = utf8_len(s[0]);
    *len = 1;
    if (l == 1)
        return s[0] < 0x80 ? s[0] : -1;
    if (l > n)
        return -1;
    long cp = s[0] & (0x7f >> l);
    for (size_t i = 1; i < l; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    *len = l;
    return cp;
}

/* East Asian wide and fullwidth ranges (plus the emoji blocks) take two
 * columns, as in fmt's width estimate. */
static int cp_width(long cp)
{
    static const long wide[][2] = {
        {0x1100, 0x115f}, {0x2329, 0x232a}, {0x2e80, 0x303e},
        {0x3040, 0xa4cf}, {0xac00, 0xd7a3}, {0xf900, 0xfaff},
        {0xfe10, 0xfe19}, {0xfe30, 0xfe6f}, {0xff00, 0xff60},
        {0xffe0, 0xffe6}, {0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff},
        {0x20000, 0x2fffd}, {0x30000, 0x3fffd},
    };
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++) {
        if (cp >= wide[i][0] && cp <= wide[i][1])
            return 2;
    }
    return 1;
}

static size_t display_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        long cp = utf8_decode((const unsigned char *)s + i, n - i, &len);
        w += cp < 0 ? 1 : (size_t)cp_width(cp);
        i += len;
    }
    return w;
}

/* Bytes taken by the first count code points of s. */
static size_t code_point_prefix(const char *s, size_t n, size_t count)
{
    size_t i = 0;
    while (i < n && count-- > 0) {
        size_t len;
        utf8_decode((const unsigned char *)s + i, n - i, &len);
        i += len;
    }
    return i;
}

/* ---- arguments ----------------------------------------------------------- */

struct arg {
    int type;                   /* LUA_TBOOLEAN, LUA_TNUMBER, LUA_TSTRING */
    bool b;
    double n;
    const char *s;              /* the string, or NULL */
    size_t len;
    const char *name;           /* a named argument's name, or NULL */
    size_t name_len;
};

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

/* ---- growable output ---------------------------------------------------- */

/* Formatting runs under lua_cpcall (see format()), so these may raise and
 * the caller still frees the memory. */
struct buf {
    lua_State *L;
    char *p;
    size_t len, cap;
};

/* Makes room for n more bytes. */
static void buf_reserve(struct buf *b, size_t n)
{
    if (b->cap - b->len < n) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->len < n)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            luaL_error(b->L, "format: not enough memory");
        b->p = p;
        b->cap = cap;
    }
}

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    buf_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void buf_addstr(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_addchar(struct buf *b, char c)
{
    buf_add(b, &c, 1);
}

/* ---- the parser ---------------------------------------------------------- */

struct parser {
    lua_State *L;
    const char *fmt;            /* the whole format string */
    const char *p, *end;        /* the cursor */
    struct arg *args;
    int nargs;
    int next_auto;              /* next automatic index, -1 once manual */
    bool manual;
    struct buf *out;
    struct buf *scratch;        /* a float's digits before padding */
};

/* Raises "format: WHY at offset N of fmt" (N counts bytes from 0). */
static int fail_at(struct parser *ps, const char *where, const char *why)
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
        fail_at(ps, where,
                "cannot switch from manual to automatic argument indexing");
    int i = ps->next_auto++;
    if (i >= ps->nargs)
        fail_at(ps, where, "argument not found");
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
            fail_at(ps, start, "number is too big");
    }
    return (int)v;
}

/* Parses an arg_id (integer or identifier; an empty one means automatic)
 * that must be followed by one of the terminators. */
static struct arg *parse_arg_id(struct parser *ps, const char *terminators)
{
    const char *start = ps->p;
    if (ps->p == ps->end)
        fail_at(ps, start, "invalid format string");
    char c = *ps->p;
    if (in_set(c, terminators))
        return auto_arg(ps, start);
    struct arg *a = NULL;
    if (is_digit(c)) {
        int i = c == '0' ? (ps->p++, 0) : parse_int(ps);
        if (ps->p == ps->end || !in_set(*ps->p, terminators))
            fail_at(ps, ps->p, "invalid format string");
        if (ps->next_auto > 0)
            fail_at(ps, start,
                    "cannot switch from automatic to manual argument indexing");
        ps->manual = true;
        if (i >= ps->nargs)
            fail_at(ps, start, "argument not found");
        return &ps->args[i];
    }
    if (!is_id_start(c))
        fail_at(ps, start, "invalid format string");
    while (ps->p < ps->end && (is_id_start(*ps->p) || is_digit(*ps->p)))
        ps->p++;
    size_t len = (size_t)(ps->p - start);
    if (ps->p == ps->end || !in_set(*ps->p, terminators))
        fail_at(ps, ps->p, "invalid format string");
    for (int i = 0; i < ps->nargs && !a; i++) {
        if (ps->args[i].name && ps->args[i].name_len == len &&
            memcmp(ps->args[i].name, start, len) == 0)
            a = &ps->args[i];
    }
    if (!a)
        fail_at(ps, start, "argument not found");
    return a;
}

struct spec {
    char fill[4];
    size_t fill_len;
    char align;                 /* 0, '<', '>', '^' or '=' (zero padding) */
    char sign;                  /* 0, '+', '-', ' ' */
    bool alt;
    bool localized;
    int width;
    int precision;              /* -1 when absent */
    char type;                  /* 0 when absent */
    /* where each part was, for error messages (NULL when absent) */
    const char *at_sign, *at_alt, *at_zero, *at_precision, *at_type,
        *at_locale;
};

/* "{arg}" for a width or precision: a non-negative integral number. */
static int parse_dynamic(struct parser *ps, const char *what)
{
    const char *start = ps->p++;          /* the '{' */
    struct arg *a = parse_arg_id(ps, "}");
    ps->p++;
    char msg[64];
    if (a->type != LUA_TNUMBER || a->n != floor(a->n)) {
        snprintf(msg, sizeof msg, "%s is not integer", what);
        fail_at(ps, start, msg);
    }
    if (a->n < 0) {
        snprintf(msg, sizeof msg, "negative %s", what);
        fail_at(ps, start, msg);
    }
    if (a->n > INT_MAX)
        fail_at(ps, start, "number is too big");
    return (int)a->n;
}

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '^';
}

/* format_spec ::= [[fill]align][sign]["#"]["0"][width]["." precision]["L"]
 *                 [type]; the cursor is just after the ':'. */
static void parse_spec(struct parser *ps, struct spec *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->fill[0] = ' ';
    sp->fill_len = 1;
    sp->precision = -1;
    const char *p = ps->p, *end = ps->end;

    size_t cl = p < end ? utf8_len((unsigned char)*p) : 0;
    if (cl && p + cl < end && is_align(p[cl])) {
        if (*p == '{' || *p == '}')
            fail_at(ps, p, *p == '{' ? "invalid fill character '{'"
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
            fail_at(ps, ps->p, "missing precision specifier");
    }
    p = ps->p;
    if (p < end && *p == 'L')
        sp->at_locale = p++, sp->localized = true;
    if (p < end && *p != '}') {
        if (!in_set(*p, "aAbBcdeEfFgGosx?X"))
            fail_at(ps, p, "invalid type specifier");
        sp->at_type = p;
        sp->type = *p++;
    }
    if (p == end)
        fail_at(ps, p, "missing '}' in format string");
    if (*p != '}')
        fail_at(ps, p, "unknown format specifier");
    ps->p = p;
    /* '0' pads after the sign, unless an alignment was asked for. */
    if (sp->at_zero && !sp->align) {
        sp->align = '=';
        sp->fill[0] = '0';
        sp->fill_len = 1;
    }
}

/* ---- output -------------------------------------------------------------- */

static void add_fill(struct buf *b, const struct spec *sp, size_t n)
{
    while (n-- > 0)
        buf_add(b, sp->fill, sp->fill_len);
}

/* Writes prefix + body padded to the width.  Zero padding ('=') goes
 * between them; otherwise def_align applies when none was given. */
static void write_padded(struct buf *b, const struct spec *sp,
                         const char *prefix, size_t prefix_len,
                         const char *body, size_t body_len, size_t body_width,
                         char def_align)
{
    size_t w = prefix_len + body_width;
    size_t pad = (size_t)sp->width > w ? (size_t)sp->width - w : 0;
    char align = sp->align ? sp->align : def_align;
    size_t left = 0;
    if (align == '>')
        left = pad;
    else if (align == '^')
        left = pad / 2;
    if (align == '=') {
        buf_add(b, prefix, prefix_len);
        add_fill(b, sp, pad);
        buf_add(b, body, body_len);
        return;
    }
    add_fill(b, sp, left);
    buf_add(b, prefix, prefix_len);
    buf_add(b, body, body_len);
    add_fill(b, sp, pad - left);
}

static void write_string(struct parser *ps, const struct spec *sp,
                         const char *s, size_t len)
{
    if (sp->precision >= 0)
        len = code_point_prefix(s, len, (size_t)sp->precision);
    size_t width = sp->width ? display_width(s, len) : 0;
    write_padded(ps->out, sp, "", 0, s, len, width, '<');
}


/* The '?' presentation: the string quoted, with \t \n \r \" \\ escaped and
 * other control bytes and invalid UTF-8 as \xNN.  Non-ASCII text is kept
 * as is.  With b == NULL it only measures (display width). */
static size_t escape_string(struct buf *b, const char *s, size_t len,
                            int precision)
{
    size_t width = 2, cps = 0;
    if (b)
        buf_addchar(b, '"');
    for (size_t i = 0; i < len; cps++) {
        if (precision >= 0 && cps >= (size_t)precision)
            break;
        size_t l;
        long cp = utf8_decode((const unsigned char *)s + i, len - i, &l);
        char esc[8] = "\\";
        switch (cp) {
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        default:
            if (cp < 0 || cp < 0x20 || cp == 0x7f)
                snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)s[i]);
            else
                esc[0] = '\0';
        }
        if (esc[0]) {
            width += strlen(esc);
            if (b)
                buf_addstr(b, esc);
        } else {
            width += (size_t)cp_width(cp);
            if (b)
                buf_add(b, s + i, l);
        }
        i += l;
    }
    if (b)
        buf_addchar(b, '"');
    return width;
}

static void write_debug_string(struct parser *ps, const struct spec *sp,
                               const char *s, size_t len)
{
    size_t w = escape_string(NULL, s, len, sp->precision);
    size_t pad = (size_t)sp->width > w ? (size_t)sp->width - w : 0;
    size_t left = sp->align == '>' ? pad : sp->align == '^' ? pad / 2 : 0;
    add_fill(ps->out, sp, left);
    escape_string(ps->out, s, len, sp->precision);
    add_fill(ps->out, sp, pad - left);
}

/* ---- integers ----------------------------------------------------------- */

static void write_integer(struct parser *ps, const struct spec *sp,
                          bool negative, uint64_t mag)
{
    char type = sp->type ? sp->type : 'd';
    if (type == 'c') {
        char c = (char)mag;
        write_padded(ps->out, sp, "", 0, &c, 1, 1, '<');
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
    write_padded(ps->out, sp, prefix, np, q, n, n, '>');
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
        buf_addstr(b, alt ? "0." : "0");
        return;
    }
    char d[24];
    int exp = shortest_digits(v, d);
    int n = (int)strlen(d);
    if (exp < -4 || exp >= 16) {
        buf_addchar(b, d[0]);
        if (n > 1 || alt)
            buf_addchar(b, '.');
        buf_addstr(b, d + 1);
        char e[16];
        snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
        buf_addstr(b, e);
    } else if (exp < 0) {
        buf_addstr(b, "0.");
        for (int i = -1; i > exp; i--)
            buf_addchar(b, '0');
        buf_addstr(b, d);
    } else {
        for (int i = 0; i <= exp; i++)
            buf_addchar(b, i < n ? d[i] : '0');
        if (n > exp + 1) {
            buf_addchar(b, '.');
            buf_addstr(b, d + exp + 1);
        } else if (alt) {
            buf_addchar(b, '.');      /* C++20: a point, no digit after */
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
        buf_add(b, small, (size_t)n);
        return;
    }
    buf_reserve(b, (size_t)n + 1);        /* and the terminating NUL */
    if (precision < 0)
        snprintf(b->p + b->len, (size_t)n + 1, f, v);
    else
        snprintf(b->p + b->len, (size_t)n + 1, f, precision, v);
    b->len += (size_t)n;
}

static void write_double(struct parser *ps, const struct spec *sp, double v)
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
        write_padded(ps->out, &s2, prefix, np, body, 3, 3, '>');
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
    write_padded(ps->out, sp, prefix, np, body->p + skip, n, n, '>');
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
        fail_at(ps, at, "format specifier requires numeric argument");
}

static void reject_precision(struct parser *ps, const struct spec *sp)
{
    if (sp->at_precision)
        fail_at(ps, sp->at_precision,
                "precision not allowed for this argument type");
}

static void write_arg(struct parser *ps, const struct arg *a,
                      const struct spec *sp)
{
    char t = sp->type;
    switch (a->type) {
    case LUA_TSTRING:
        if (t && t != 's' && t != '?')
            fail_at(ps, sp->at_type, "invalid type specifier");
        reject_flags(ps, sp, true);
        if (t == '?')
            write_debug_string(ps, sp, a->s, a->len);
        else
            write_string(ps, sp, a->s, a->len);
        return;
    case LUA_TBOOLEAN:
        if (t && t != 's' && !is_integer_type(t))
            fail_at(ps, sp->at_type, "invalid type specifier");
        reject_precision(ps, sp);
        if (is_integer_type(t)) {
            write_integer(ps, sp, false, a->b);
            return;
        }
        reject_flags(ps, sp, false);
        write_string(ps, sp, a->b ? "true" : "false", a->b ? 4 : 5);
        return;
    }
    double n = a->n;
    if (t == 's' || t == '?')
        fail_at(ps, sp->at_type, "invalid type specifier");
    if (is_integer_type(t)) {
        reject_precision(ps, sp);
        /* Every double in [-2^63, 2^64) that is integral converts exactly. */
        if (n != floor(n) || !(n >= -9223372036854775808.0 &&
                               n < 18446744073709551616.0))
            fail_at(ps, sp->at_type,
                    "integer presentation type for a non-integral number");
        bool negative = n < 0;
        uint64_t mag = (uint64_t)(negative ? -n : n);
        if (t == 'c' && (negative || mag > 255))
            fail_at(ps, sp->at_type, "'c' needs a number from 0 to 255");
        write_integer(ps, sp, negative, mag);
        return;
    }
    if (!t && !sp->at_precision && n == floor(n) && fabs(n) <= 9007199254740992.0
        && !(n == 0 && signbit(n))) {
        write_integer(ps, sp, n < 0, (uint64_t)fabs(n));
        return;
    }
    write_double(ps, sp, n);
}

/* The cursor is just after the '{'. */
static void replacement_field(struct parser *ps)
{
    struct arg *a = parse_arg_id(ps, ":}");
    struct spec sp;
    if (*ps->p == ':') {
        ps->p++;
        parse_spec(ps, &sp);
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
        buf_add(ps->out, ps->p, (size_t)(q - ps->p));
        ps->p = q;
        if (q == ps->end)
            break;
        if (q + 1 < ps->end && q[1] == *q) {
            buf_addchar(ps->out, *q);
            ps->p = q + 2;
            continue;
        }
        if (*q == '}')
            fail_at(ps, q, "unmatched '}' in format string");
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
