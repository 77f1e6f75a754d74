/* format(): the growable output buffer. */
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emilua/api.h>

#include "internal.h"

/* Makes room for n more bytes. */
void fmt_buf_reserve(struct buf *b, size_t n)
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

void fmt_buf_add(struct buf *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    fmt_buf_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void fmt_buf_addstr(struct buf *b, const char *s)
{
    fmt_buf_add(b, s, strlen(s));
}

void fmt_buf_addchar(struct buf *b, char c)
{
    fmt_buf_add(b, &c, 1);
}
