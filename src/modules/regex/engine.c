/* One matching entry point over the two engines: PCRE2 for "ecma", the C
 * library's regexec() for the POSIX grammars. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ASan's regexec() interceptor checks the subject up to its first NUL
 * and ignores REG_STARTEND, so a byte_span (not NUL-terminated) is
 * reported as an overflow that glibc never makes.  Sanitizer builds
 * match on a NUL-terminated copy instead. */
#if defined(__SANITIZE_ADDRESS__)
#define RX_COPY_FOR_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RX_COPY_FOR_ASAN 1
#endif
#endif

/* PCRE2 and glibc want a non-NULL subject even when it is empty (a
 * zero-capacity byte_span has no memory). */
static const unsigned char empty_subject[1];

static int pcre_status(int rc)
{
    switch (rc) {
    case PCRE2_ERROR_MATCHLIMIT:
        return -RX_ECOMPLEXITY;
    case PCRE2_ERROR_DEPTHLIMIT:
    case PCRE2_ERROR_HEAPLIMIT:
    case PCRE2_ERROR_JIT_STACKLIMIT:
        return -RX_ESTACK;
    case PCRE2_ERROR_NOMEMORY:
        return -RX_ESPACE;
    }
    return -RX_EBADPATTERN;
}

static int pcre_exec(struct rx *re, const unsigned char *s, size_t len,
                     size_t start, unsigned flags, size_t *ov, uint32_t n)
{
    pcre2_code *code = flags & RX_FULL ? re->full : re->code;
    uint32_t opts = 0;
    if (flags & RX_NOTEMPTY)
        opts |= PCRE2_NOTEMPTY;
    /* Not JIT-compatible: pcre2_match() interprets.  Only used after an
     * empty match, to see whether a longer one starts at the same byte. */
    if (flags & RX_ANCHORED_NOTEMPTY)
        opts |= PCRE2_ANCHORED | PCRE2_NOTEMPTY_ATSTART;
    int rc = pcre2_match(code, s, len, start, opts, re->md, re->mctx);
    /* Most matches fit the JIT's default 32 KiB stack; a regex gets a
     * stack of its own (up to RX_JIT_STACK_MAX) the first time one does
     * not, and the match runs again. */
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT && !re->jit_stack) {
        re->jit_stack = pcre2_jit_stack_create(RX_JIT_STACK_MIN,
                                               RX_JIT_STACK_MAX, NULL);
        if (!re->jit_stack)
            return -RX_ESPACE;
        pcre2_jit_stack_assign(re->mctx, NULL, re->jit_stack);
        rc = pcre2_match(code, s, len, start, opts, re->md, re->mctx);
    }
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0)
        return pcre_status(rc);
    const PCRE2_SIZE *v = pcre2_get_ovector_pointer(re->md);
    uint32_t have = pcre2_get_ovector_count(re->md);
    for (uint32_t i = 0; i < n; i++) {
        bool set = i < have && v[2 * i] != PCRE2_UNSET;
        ov[2 * i] = set ? v[2 * i] : SIZE_MAX;
        ov[2 * i + 1] = set ? v[2 * i + 1] : SIZE_MAX;
    }
    /* \K may put the start after the end; the match is then empty */
    if (ov[0] > ov[1])
        ov[0] = ov[1];
    return 1;
}

static int posix_exec(struct rx *re, const unsigned char *s, size_t len,
                      size_t start, unsigned flags, size_t *ov, uint32_t n)
{
    /* regoff_t is an int in glibc */
    if (len > INT_MAX)
        return -RX_ESPACE;
    regmatch_t *pm = re->pm;
    size_t from = start;
    for (;;) {
        /* REG_STARTEND: the length bounds the subject, so NUL bytes are
         * data, and bytes before rm_so are context for ^. */
        pm[0].rm_so = (regoff_t)from;
        pm[0].rm_eo = (regoff_t)len;
        int rc = regexec(&re->preg, (const char *)s, n, pm, REG_STARTEND);
        if (rc == REG_NOMATCH)
            return 0;
        if (rc != 0)
            return rc == REG_ESPACE ? -RX_ESPACE : -RX_EBADPATTERN;
        size_t so = (size_t)pm[0].rm_so, eo = (size_t)pm[0].rm_eo;
        /* Leftmost-longest: a full match exists only if the leftmost
         * match starts at start and its longest form reaches the end. */
        if (flags & RX_FULL && (so != start || eo != len))
            return 0;
        if (flags & RX_ANCHORED_NOTEMPTY && (so != start || so == eo))
            return 0;
        if (flags & RX_NOTEMPTY && so == eo) {
            /* the longest match here is empty: none starts here */
            if (so >= len)
                return 0;
            from = so + 1;
            continue;
        }
        for (uint32_t i = 0; i < n; i++) {
            bool set = pm[i].rm_so >= 0;
            ov[2 * i] = set ? (size_t)pm[i].rm_so : SIZE_MAX;
            ov[2 * i + 1] = set ? (size_t)pm[i].rm_eo : SIZE_MAX;
        }
        return 1;
    }
}

int rx_exec(struct rx *re, const unsigned char *s, size_t len, size_t start,
            unsigned flags, size_t *ov, uint32_t n)
{
    if (!s)
        s = empty_subject;
    if (re->grammar == RX_ECMA)
        return pcre_exec(re, s, len, start, flags, ov, n);
#ifdef RX_COPY_FOR_ASAN
    unsigned char *copy = malloc(len + 1);
    if (!copy)
        return -RX_ESPACE;
    memcpy(copy, s, len);
    copy[len] = '\0';
    int rc = posix_exec(re, copy, len, start, flags, ov, n);
    free(copy);
    return rc;
#else
    return posix_exec(re, s, len, start, flags, ov, n);
#endif
}
