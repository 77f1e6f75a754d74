/* glibc's regcomp() expands repetitions by copying the repeated tree: x+
 * becomes x x*, x{m,n} n copies of x.  Stacked or nested repetitions
 * multiply, so a 60-byte pattern such as "a++++...+" asks for 2^57 nodes
 * and takes the process down before regcomp() can fail.  This walks the
 * pattern as regcomp() will read it and bounds the expanded size first. */
#include <ctype.h>

#include "internal.h"

/* Tree nodes the expansion may reach (x{32767}, RE_DUP_MAX, still fits). */
#define RX_POSIX_MAX_NODES 100000u
#define RX_POSIX_MAX_DEPTH 256

struct frame {
    uint64_t total;     /* size of everything read in this group so far */
    uint64_t last;      /* size of the last atom (what a quantifier copies) */
};

static uint64_t cap(uint64_t v)
{
    return v > RX_POSIX_MAX_NODES ? RX_POSIX_MAX_NODES + 1 : v;
}

/* Skips a bracket expression starting at pat[i] == '['; returns the
 * index after its closing ']' (or len when it has none: regcomp will
 * report that). */
static size_t skip_bracket(const char *pat, size_t len, size_t i)
{
    i++;
    if (i < len && pat[i] == '^')
        i++;
    if (i < len && pat[i] == ']')
        i++;
    while (i < len && pat[i] != ']') {
        if (pat[i] == '[' && i + 1 < len &&
            (pat[i + 1] == ':' || pat[i + 1] == '=' || pat[i + 1] == '.')) {
            char kind = pat[i + 1];
            i += 2;
            while (i + 1 < len && !(pat[i] == kind && pat[i + 1] == ']'))
                i++;
            i += 2;
            continue;
        }
        i++;
    }
    return i < len ? i + 1 : len;
}

/* Reads an interval's bounds after its '{' at pat[i]; returns the copies
 * it makes and sets *end to the index after '}', or returns 0 when what
 * follows is not an interval. */
static uint64_t interval(const char *pat, size_t len, size_t i, bool ere,
                         size_t *end)
{
    uint64_t m = 0, n = 0;
    bool has_n = false, comma = false;
    size_t j = i + 1;
    if (j >= len || !isdigit((unsigned char)pat[j]))
        return 0;
    while (j < len && isdigit((unsigned char)pat[j]))
        m = cap(m * 10 + (uint64_t)(pat[j++] - '0'));
    if (j < len && pat[j] == ',') {
        comma = true;
        j++;
        while (j < len && isdigit((unsigned char)pat[j])) {
            n = cap(n * 10 + (uint64_t)(pat[j++] - '0'));
            has_n = true;
        }
    }
    if (!ere) {
        if (j + 1 >= len || pat[j] != '\\' || pat[j + 1] != '}')
            return 0;
        *end = j + 2;
    } else {
        if (j >= len || pat[j] != '}')
            return 0;
        *end = j + 1;
    }
    uint64_t copies = !comma ? m : has_n ? n : m + 1;
    return copies ? copies : 1;
}

size_t rx_posix_too_big(const char *pat, size_t len, bool ere)
{
    struct frame stack[RX_POSIX_MAX_DEPTH];
    int depth = 0;
    stack[0] = (struct frame){0, 0};
    size_t i = 0;
    while (i < len) {
        struct frame *f = &stack[depth];
        uint64_t factor = 0;    /* a quantifier's copies, 0 for an atom */
        size_t next = i + 1;
        char c = pat[i];
        bool esc = c == '\\' && i + 1 < len;
        char e = esc ? pat[i + 1] : 0;
        if (esc)
            next = i + 2;
        if ((ere && c == '(') || (!ere && esc && e == '(')) {
            if (++depth == RX_POSIX_MAX_DEPTH)
                return i + 1;
            stack[depth] = (struct frame){0, 0};
            i = next;
            continue;
        }
        if (((ere && c == ')') || (!ere && esc && e == ')')) && depth > 0) {
            uint64_t size = cap(stack[depth].total + 1);
            depth--;
            stack[depth].total = cap(stack[depth].total + size);
            stack[depth].last = size;
            i = next;
            continue;
        }
        if ((ere && c == '|') || (esc && e == '|')) {
            f->total = cap(f->total + 1);
            f->last = 0;
            i = next;
            continue;
        }
        if (c == '*' || (ere && (c == '+' || c == '?')))
            factor = c == '+' ? 2 : 1;
        else if (!ere && esc && (e == '+' || e == '?'))
            factor = e == '+' ? 2 : 1;
        else if ((ere && c == '{') || (!ere && esc && e == '{'))
            factor = interval(pat, len, ere ? i : i + 1, ere, &next);
        if (factor) {
            f->total = cap(f->total + f->last * (factor - 1) + 1);
            f->last = cap(f->last * factor + 1);
        } else {
            if (c == '[')
                next = skip_bracket(pat, len, i);
            f->total = cap(f->total + 1);
            f->last = 1;
        }
        if (f->total > RX_POSIX_MAX_NODES)
            return i + 1;
        i = next;
    }
    return 0;
}
