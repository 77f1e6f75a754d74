/* The lexical algorithms of filesystem.path (see path_lexical.h).  The
 * rules are those of std::filesystem::path for POSIX: a leading run of
 * separators is the root directory, further runs separate file names,
 * and a trailing run stands for one last empty file name. */
#include <string.h>

#include "path_lexical.h"

static size_t skip_seps(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == '/')
        i++;
    return i;
}

/* The cursor is the offset of the next element; n + 1 means "the empty
 * element of a trailing separator comes next", n or more means the end. */
bool fs_next_elem(const char *s, size_t n, size_t *cursor, struct fs_elem *e)
{
    size_t c = *cursor;
    if (c == 0 && fs_has_root(s, n)) {
        e->pos = 0;
        e->len = 1;
        *cursor = skip_seps(s, n, 0);
        return true;
    }
    if (c < n) {
        const char *sep = memchr(s + c, '/', n - c);
        size_t end = sep ? (size_t)(sep - s) : n;
        e->pos = c;
        e->len = end - c;
        size_t next = skip_seps(s, n, end);
        *cursor = next == n && next > end ? n + 1 : next;
        return true;
    }
    if (c == n + 1) {
        e->pos = n;
        e->len = 0;
        *cursor = n + 2;
        return true;
    }
    return false;
}

size_t fs_relative_start(const char *s, size_t n)
{
    return fs_has_root(s, n) ? skip_seps(s, n, 0) : 0;
}

size_t fs_filename_start(const char *s, size_t n)
{
    if (n == 0 || s[n - 1] == '/')
        return n;
    size_t k = n;
    while (k > 0 && s[k - 1] != '/')
        k--;
    return k;
}

/* Everything up to the end of the element before the last one; a path
 * without a relative part is its own parent. */
size_t fs_parent_len(const char *s, size_t n)
{
    if (fs_relative_start(s, n) == n)
        return n;
    size_t k = fs_filename_start(s, n);
    size_t j = k;
    while (j > 0 && s[j - 1] == '/')
        j--;
    if (j == 0)
        return k > 0 ? 1 : 0;   /* the root directory, or nothing */
    return j;
}

static bool is_dot(const char *f, size_t fn)
{
    return fn == 1 && f[0] == '.';
}

static bool is_dotdot(const char *f, size_t fn)
{
    return fn == 2 && f[0] == '.' && f[1] == '.';
}

/* "." and ".." have no extension, nor has a name whose only period
 * starts it (".profile"). */
size_t fs_stem_len(const char *f, size_t fn)
{
    if (is_dot(f, fn) || is_dotdot(f, fn))
        return fn;
    size_t k = fn;
    while (k > 0 && f[k - 1] != '.')
        k--;
    return k <= 1 ? fn : k - 1;
}

static int compare_bytes(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    if (c != 0)
        return c;
    return an < bn ? -1 : an > bn;
}

/* A path with a root directory sorts after one without; then the
 * elements of the relative parts compare in order. */
int fs_compare(const char *a, size_t an, const char *b, size_t bn)
{
    bool ra = fs_has_root(a, an), rb = fs_has_root(b, bn);
    if (ra != rb)
        return ra ? 1 : -1;
    size_t ca = 0, cb = 0;
    struct fs_elem ea, eb;
    for (;;) {
        bool ha = fs_next_elem(a, an, &ca, &ea);
        bool hb = fs_next_elem(b, bn, &cb, &eb);
        if (!ha || !hb)
            return ha - hb;
        int c = compare_bytes(a + ea.pos, ea.len, b + eb.pos, eb.len);
        if (c != 0)
            return c;
    }
}

/* The standard's steps: collapse separator runs, drop "." names, let
 * ".." eat the name before it, drop ".." right after the root, keep no
 * separator after a final "..", and turn an empty result into ".". */
size_t fs_lexically_normal(const char *s, size_t n, char *out,
                           struct fs_elem *stack)
{
    if (n == 0)
        return 0;
    bool root = false, trailing = false;
    size_t depth = 0, cursor = 0;
    struct fs_elem e;
    while (fs_next_elem(s, n, &cursor, &e)) {
        const char *f = s + e.pos;
        if (e.pos == 0 && fs_has_root(s, n)) {
            root = true;
        } else if (e.len == 0 || is_dot(f, e.len)) {
            trailing = true;
        } else if (is_dotdot(f, e.len)) {
            if (depth > 0 && !is_dotdot(s + stack[depth - 1].pos,
                                        stack[depth - 1].len)) {
                depth--;
                trailing = true;
            } else if (!(root && depth == 0)) {
                stack[depth++] = e;
                trailing = false;
            }
        } else {
            stack[depth++] = e;
            trailing = false;
        }
    }
    if (depth > 0 && is_dotdot(s + stack[depth - 1].pos,
                               stack[depth - 1].len))
        trailing = false;
    size_t len = 0;
    if (root)
        out[len++] = '/';
    for (size_t i = 0; i < depth; i++) {
        if (i > 0)
            out[len++] = '/';
        memcpy(out + len, s + stack[i].pos, stack[i].len);
        len += stack[i].len;
    }
    if (trailing && depth > 0)
        out[len++] = '/';
    if (len == 0)
        out[len++] = '.';
    return len;
}

/* path /= name, for the names lexically_relative assembles. */
static size_t append_name(char *out, size_t len, const char *f, size_t fn)
{
    if (len > 0 && out[len - 1] != '/')
        out[len++] = '/';
    memcpy(out + len, f, fn);
    return len + fn;
}

size_t fs_lexically_relative(const char *s, size_t n, const char *b,
                             size_t bn, char *out)
{
    if (fs_has_root(s, n) != fs_has_root(b, bn))
        return 0;
    size_t cs = 0, cb = 0;
    struct fs_elem es, eb;
    bool hs, hb;
    for (;;) {
        hs = fs_next_elem(s, n, &cs, &es);
        hb = fs_next_elem(b, bn, &cb, &eb);
        if (!hs || !hb || es.len != eb.len ||
            memcmp(s + es.pos, b + eb.pos, es.len) != 0)
            break;
    }
    if (!hs && !hb) {
        out[0] = '.';
        return 1;
    }
    long ups = 0;
    for (bool h = hb; h; h = fs_next_elem(b, bn, &cb, &eb)) {
        const char *f = b + eb.pos;
        if (is_dotdot(f, eb.len))
            ups--;
        else if (eb.len > 0 && !is_dot(f, eb.len))
            ups++;
    }
    if (ups < 0)
        return 0;
    if (ups == 0 && (!hs || es.len == 0)) {
        out[0] = '.';
        return 1;
    }
    size_t len = 0;
    for (long i = 0; i < ups; i++)
        len = append_name(out, len, "..", 2);
    for (bool h = hs; h; h = fs_next_elem(s, n, &cs, &es))
        len = append_name(out, len, s + es.pos, es.len);
    return len;
}

size_t fs_join(const char *a, size_t an, const char *b, size_t bn, char *out)
{
    size_t len = 0;
    if (!fs_has_root(b, bn)) {
        memcpy(out, a, an);
        len = an;
        if (fs_filename_start(a, an) < an)
            out[len++] = '/';
    }
    memcpy(out + len, b, bn);
    return len + bn;
}

size_t fs_replace_extension(const char *s, size_t n, const char *r,
                            size_t rn, char *out)
{
    size_t k = fs_filename_start(s, n);
    size_t len = k + fs_stem_len(s + k, n - k);
    memcpy(out, s, len);
    if (rn > 0 && r[0] != '.')
        out[len++] = '.';
    memcpy(out + len, r, rn);
    return len + rn;
}
