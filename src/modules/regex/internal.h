/* Shared by the regex sources: the compiled regex and the one matching
 * entry point both engines hide behind. */
#ifndef EMILUA_REGEX_INTERNAL_H
#define EMILUA_REGEX_INTERNAL_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <emilua/api.h>

enum rx_grammar { RX_BASIC, RX_EXTENDED, RX_ECMA };

/* The JIT stack a regex gets when PCRE2's default 32 KiB is not enough. */
#define RX_JIT_STACK_MIN (32u * 1024u)
#define RX_JIT_STACK_MAX (8u * 1024u * 1024u)

struct rx {
    enum rx_grammar grammar;
    uint32_t groups;            /* capturing groups (mark_count) */
    /* "ecma": PCRE2.  full is the same pattern anchored at both ends,
     * compiled on the first match() (JIT cannot anchor at match time). */
    pcre2_code *code, *full;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit_stack;  /* NULL until a match needs it */
    char *pattern;
    size_t pattern_len;
    uint32_t opts;
    /* "basic"/"extended": the C library's regcomp(). */
    bool has_preg;
    regex_t preg;
    regmatch_t *pm;             /* groups + 1 entries */
};

extern const emilua_udata_type rx_type;

/* Flags of rx_exec(). */
#define RX_FULL 1u          /* the match must span [start, len) */
#define RX_NOTEMPTY 2u      /* empty matches do not count */
#define RX_ANCHORED_NOTEMPTY 4u /* a non-empty match starting at start */

/* Finds the first (POSIX: leftmost-longest) match in s[0, len) that
 * starts at or after start; bytes before start are context (for ^ and
 * lookbehind).  Fills ov[0 .. 2 * n) with 0-based [begin, end) pairs of
 * the whole match and the first n - 1 groups, SIZE_MAX for a group that
 * did not take part.  Returns 1 on a match, 0 for none, or a negative
 * rx_errc on an engine failure (a limit hit). */
int rx_exec(struct rx *re, const unsigned char *s, size_t len, size_t start,
            unsigned flags, size_t *ov, uint32_t n);

/* The "regex" error category: the kinds of std::regex_error, whose names
 * upstream's errors carried. */
enum rx_errc {
    RX_ECOLLATE = 1,  /* bad collating element */
    RX_ECTYPE,        /* bad character class name */
    RX_EESCAPE,       /* bad escape or trailing backslash */
    RX_EBACKREF,      /* back reference to a missing group */
    RX_EBRACK,        /* unmatched [ */
    RX_EPAREN,        /* unmatched ( or ) */
    RX_EBRACE,        /* unmatched { */
    RX_EBADBRACE,     /* bad content of {} */
    RX_ERANGE,        /* bad range such as z-a */
    RX_ESPACE,        /* out of memory */
    RX_EBADREPEAT,    /* repetition of nothing */
    RX_ECOMPLEXITY,   /* the match limit was hit */
    RX_ESTACK,        /* the depth, heap or JIT stack limit was hit */
    RX_EBADPATTERN,   /* any other syntax error */
};

extern const emilua_error_category rx_category;

/* Raises a syntax error of the pattern: the category error for code with
 * the fields position (1-based byte of the pattern where the engine gave
 * up; #pattern + 1 when the pattern ended too soon) and detail (the
 * engine's own words). */
int rx_raise_syntax(lua_State *L, int code, size_t position,
                    const char *detail);
/* Raises the error of a failed match (a negative rx_exec() result). */
int rx_raise_match(lua_State *L, int status);

int rx_new(lua_State *L);
/* 0 when regcomp() can expand the POSIX pattern's repetitions within a
 * bound, else the 1-based byte where the expansion crosses it. */
size_t rx_posix_too_big(const char *pat, size_t len, bool ere);
int rx_match(lua_State *L);
int rx_search(lua_State *L);
int rx_split(lua_State *L);
int rx_patsplit(lua_State *L);
/* Compiles the anchored twin of an "ecma" regex (rx_exec's RX_FULL). */
void rx_need_full(lua_State *L, struct rx *re);

#endif
