/* format(): padding, strings and their debug (escaped) form. */
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emilua/api.h>

#include "internal.h"

static void add_fill(struct buf *b, const struct spec *sp, size_t n)
{
    while (n-- > 0)
        fmt_buf_add(b, sp->fill, sp->fill_len);
}

/* Writes prefix + body padded to the width.  Zero padding ('=') goes
 * between them; otherwise def_align applies when none was given. */
void fmt_write_padded(struct buf *b, const struct spec *sp,
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
        fmt_buf_add(b, prefix, prefix_len);
        add_fill(b, sp, pad);
        fmt_buf_add(b, body, body_len);
        return;
    }
    add_fill(b, sp, left);
    fmt_buf_add(b, prefix, prefix_len);
    fmt_buf_add(b, body, body_len);
    add_fill(b, sp, pad - left);
}

void fmt_write_string(struct parser *ps, const struct spec *sp,
                      const char *s, size_t len)
{
    if (sp->precision >= 0)
        len = fmt_code_point_prefix(s, len, (size_t)sp->precision);
    size_t width = sp->width ? fmt_display_width(s, len) : 0;
    fmt_write_padded(ps->out, sp, "", 0, s, len, width, '<');
}

/* The '?' presentation: the string quoted, with \t \n \r \" \\ escaped and
 * other control bytes and invalid UTF-8 as \xNN.  Non-ASCII text is kept
 * as is.  With b == NULL it only measures (display width). */
static size_t escape_string(struct buf *b, const char *s, size_t len,
                            int precision)
{
    size_t width = 2, cps = 0;
    if (b)
        fmt_buf_addchar(b, '"');
    for (size_t i = 0; i < len; cps++) {
        if (precision >= 0 && cps >= (size_t)precision)
            break;
        size_t l;
        long cp = fmt_utf8_decode((const unsigned char *)s + i, len - i, &l);
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
                fmt_buf_addstr(b, esc);
        } else {
            width += (size_t)fmt_cp_width(cp);
            if (b)
                fmt_buf_add(b, s + i, l);
        }
        i += l;
    }
    if (b)
        fmt_buf_addchar(b, '"');
    return width;
}

void fmt_write_debug_string(struct parser *ps, const struct spec *sp,
                            const char *s, size_t len)
{
    size_t w = escape_string(NULL, s, len, sp->precision);
    size_t pad = (size_t)sp->width > w ? (size_t)sp->width - w : 0;
    size_t left = sp->align == '>' ? pad : sp->align == '^' ? pad / 2 : 0;
    add_fill(ps->out, sp, left);
    escape_string(ps->out, s, len, sp->precision);
    add_fill(ps->out, sp, pad - left);
}
