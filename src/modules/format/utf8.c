/* format(): UTF-8 decoding and the display width of strings. */
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emilua/api.h>

#include "internal.h"

/* Bytes in the sequence that starts with lead (1 for stray bytes). */
size_t fmt_utf8_len(unsigned char lead)
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
long fmt_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
    size_t l = fmt_utf8_len(s[0]);
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
int fmt_cp_width(long cp)
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

size_t fmt_display_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        long cp = fmt_utf8_decode((const unsigned char *)s + i, n - i, &len);
        w += cp < 0 ? 1 : (size_t)fmt_cp_width(cp);
        i += len;
    }
    return w;
}

/* Bytes taken by the first count code points of s. */
size_t fmt_code_point_prefix(const char *s, size_t n, size_t count)
{
    size_t i = 0;
    while (i < n && count-- > 0) {
        size_t len;
        fmt_utf8_decode((const unsigned char *)s + i, n - i, &len);
        i += len;
    }
    return i;
}
