/* The parts of format() shared between its files: the argument record,
 * the output buffer, the parser's state and a parsed format_spec. */
#ifndef EMILUA_FORMAT_INTERNAL_H
#define EMILUA_FORMAT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <emilua/api.h>

struct arg {
    int type;                   /* LUA_TBOOLEAN, LUA_TNUMBER, LUA_TSTRING */
    bool b;
    double n;
    const char *s;              /* the string, or NULL */
    size_t len;
    const char *name;           /* a named argument's name, or NULL */
    size_t name_len;
};

/* Formatting runs under lua_cpcall (see format()), so these may raise and
 * the caller still frees the memory. */
struct buf {
    lua_State *L;
    char *p;
    size_t len, cap;
};

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

/* UTF-8: decoding and display widths (utf8.c) */
size_t fmt_code_point_prefix(const char *s, size_t n, size_t count);
int fmt_cp_width(long cp);
size_t fmt_display_width(const char *s, size_t n);
long fmt_utf8_decode(const unsigned char *s, size_t n, size_t *len);
size_t fmt_utf8_len(unsigned char lead);

/* the growable output (buffer.c); these may raise */
void fmt_buf_add(struct buf *b, const char *s, size_t n);
void fmt_buf_addchar(struct buf *b, char c);
void fmt_buf_addstr(struct buf *b, const char *s);
void fmt_buf_reserve(struct buf *b, size_t n);

/* the parser (parser.c) */
int fmt_fail_at(struct parser *ps, const char *where, const char *why);
struct arg *fmt_parse_arg_id(struct parser *ps, const char *terminators);
void fmt_parse_spec(struct parser *ps, struct spec *sp);

/* strings and padding (strings.c) */
void fmt_write_debug_string(struct parser *ps, const struct spec *sp,
                            const char *s, size_t len);
void fmt_write_padded(struct buf *b, const struct spec *sp,
                      const char *prefix, size_t prefix_len,
                      const char *body, size_t body_len, size_t body_width,
                      char def_align);
void fmt_write_string(struct parser *ps, const struct spec *sp,
                      const char *s, size_t len);

/* integers and doubles (numbers.c) */
void fmt_write_double(struct parser *ps, const struct spec *sp, double v);
void fmt_write_integer(struct parser *ps, const struct spec *sp,
                       bool negative, uint64_t mag);

#endif
