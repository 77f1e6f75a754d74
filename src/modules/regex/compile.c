/* regex.new{}: the options, compiling on the engine of the grammar, the
 * userdata and its mark_count property. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Limits that keep a hostile pattern or subject from taking the process
 * down: PCRE2's backtracking stops after this many steps or this much
 * heap (the JIT stack's bound is in internal.h). */
#define RX_MATCH_LIMIT 10000000u
#define RX_HEAP_LIMIT_KIB (64u * 1024u)

/* The longest POSIX pattern whose error position is searched for. */
#define RX_POSITION_SEARCH_MAX 1024

static int rx_gc(lua_State *L)
{
    struct rx *re = lua_touserdata(L, 1);
    pcre2_match_data_free(re->md);
    pcre2_match_context_free(re->mctx);
    pcre2_jit_stack_free(re->jit_stack);
    pcre2_code_free(re->code);
    pcre2_code_free(re->full);
    free(re->pattern);
    if (re->has_preg)
        regfree(&re->preg);
    free(re->pm);
    memset(re, 0, sizeof *re);
    return 0;
}

static int rx_index(lua_State *L)
{
    struct rx *re = lua_touserdata(L, 1);
    const char *key = lua_tostring(L, 2);
    if (lua_type(L, 2) == LUA_TSTRING && strcmp(key, "mark_count") == 0) {
        lua_pushinteger(L, re->groups);
        return 1;
    }
    return luaL_error(L, "regex: no such field");
}

static const luaL_Reg rx_meta[] = {
    {"__gc", rx_gc},
    {NULL, NULL},
};

const emilua_udata_type rx_type = {
    "regex", NULL, rx_meta, rx_index,
};

/* A bad field of the options table: EINVAL naming the field. */
static int field_error(lua_State *L, const char *field, const char *expected,
                       int idx)
{
    const char *got = luaL_typename(L, idx);
    emilua_push_error(L, &emilua_generic_category, EINVAL);
    lua_pushstring(L, field);
    lua_setfield(L, -2, "field");
    lua_pushliteral(L, "regex.new");
    lua_setfield(L, -2, "func");
    lua_pushstring(L, expected);
    lua_setfield(L, -2, "expected");
    lua_pushstring(L, got);
    lua_setfield(L, -2, "got");
    return lua_error(L);
}

static bool opt_field(lua_State *L, const char *field)
{
    lua_getfield(L, 1, field);
    int t = lua_type(L, -1);
    if (t != LUA_TNIL && t != LUA_TBOOLEAN)
        field_error(L, field, "a boolean or nil", -1);
    bool v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

static int pcre_errc(int err)
{
    switch (err) {
    case PCRE2_ERROR_END_BACKSLASH:
    case PCRE2_ERROR_END_BACKSLASH_C:
    case PCRE2_ERROR_UNKNOWN_ESCAPE:
    case PCRE2_ERROR_ESCAPE_INVALID_IN_CLASS:
    case PCRE2_ERROR_UNSUPPORTED_ESCAPE_SEQUENCE:
        return RX_EESCAPE;
    case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER:
    case PCRE2_ERROR_QUANTIFIER_TOO_BIG:
        return RX_EBADBRACE;
    case PCRE2_ERROR_MISSING_SQUARE_BRACKET:
        return RX_EBRACK;
    case PCRE2_ERROR_CLASS_RANGE_ORDER:
    case PCRE2_ERROR_CLASS_INVALID_RANGE:
        return RX_ERANGE;
    case PCRE2_ERROR_QUANTIFIER_INVALID:
        return RX_EBADREPEAT;
    case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS:
    case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS:
        return RX_EPAREN;
    case PCRE2_ERROR_BAD_SUBPATTERN_REFERENCE:
        return RX_EBACKREF;
    case PCRE2_ERROR_POSIX_CLASS_NOT_IN_CLASS:
    case PCRE2_ERROR_UNKNOWN_POSIX_CLASS:
        return RX_ECTYPE;
    case PCRE2_ERROR_POSIX_NO_SUPPORT_COLLATING:
        return RX_ECOLLATE;
    case PCRE2_ERROR_HEAP_FAILED:
        return RX_ESPACE;
    }
    return RX_EBADPATTERN;
}

static int posix_errc(int rc)
{
    switch (rc) {
    case REG_ECOLLATE: return RX_ECOLLATE;
    case REG_ECTYPE: return RX_ECTYPE;
    case REG_EESCAPE: return RX_EESCAPE;
    case REG_ESUBREG: return RX_EBACKREF;
    case REG_EBRACK: return RX_EBRACK;
    case REG_EPAREN: return RX_EPAREN;
    case REG_EBRACE: return RX_EBRACE;
    case REG_BADBR: return RX_EBADBRACE;
    case REG_ERANGE: return RX_ERANGE;
    case REG_ESPACE: return RX_ESPACE;
    case REG_BADRPT: return RX_EBADREPEAT;
    }
    return RX_EBADPATTERN;
}

static int compile_pcre(lua_State *L, struct rx *re, const char *pat,
                        size_t len, bool icase, bool nosubs)
{
    /* ECMAScript's readings where PCRE2 differs by default: \u and \x
     * forms, a back reference to an unset group matches the empty
     * string, and $ is the very end of the subject. */
    uint32_t opts = PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF |
                    PCRE2_DOLLAR_ENDONLY;
    if (icase)
        opts |= PCRE2_CASELESS;
    if (nosubs)
        opts |= PCRE2_NO_AUTO_CAPTURE;
    /* kept for the anchored twin match() compiles when first needed */
    re->opts = opts;
    re->pattern = malloc(len ? len : 1);
    if (!re->pattern)
        return emilua_raise_errno(L, ENOMEM);
    memcpy(re->pattern, pat, len);
    re->pattern_len = len;
    int err;
    PCRE2_SIZE off;
    re->code = pcre2_compile((PCRE2_SPTR)pat, len, opts, &err, &off, NULL);
    if (!re->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        return rx_raise_syntax(L, pcre_errc(err), off + 1, (char *)msg);
    }
    /* No JIT (an old CPU, or SELinux forbidding executable memory) only
     * makes matching slower: pcre2_match() then interprets. */
    pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
    uint32_t groups = 0;
    pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &groups);
    re->groups = groups;
    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    re->mctx = pcre2_match_context_create(NULL);
    if (!re->md || !re->mctx)
        return emilua_raise_errno(L, ENOMEM);
    pcre2_set_match_limit(re->mctx, RX_MATCH_LIMIT);
    pcre2_set_heap_limit(re->mctx, RX_HEAP_LIMIT_KIB);
    return 0;
}

/* regcomp() only says what is wrong.  Where: the shortest prefix that
 * fails for a reason other than having stopped too soon (an open
 * bracket, brace or group, a trailing backslash; glibc says "invalid
 * pattern" or "premature end" for a prefix that stops inside brackets).
 * Only errors pay. */
static size_t posix_position(const char *pat, size_t len, int cflags)
{
    if (len > RX_POSITION_SEARCH_MAX)
        return len + 1;
    char *buf = malloc(len + 1);
    if (!buf)
        return len + 1;
    size_t pos = len + 1;
    for (size_t k = 1; k <= len; k++) {
        memcpy(buf, pat, k);
        buf[k] = '\0';
        regex_t r;
        int rc = regcomp(&r, buf, cflags | REG_NOSUB);
        if (rc == 0) {
            regfree(&r);
            continue;
        }
        bool closes = pat[k - 1] == ')';
        bool too_soon = rc == REG_EBRACK || rc == REG_EBRACE ||
                        rc == REG_EESCAPE || rc == REG_BADPAT ||
                        rc == REG_EEND || (rc == REG_EPAREN && !closes);
        if (!too_soon) {
            pos = k;
            break;
        }
    }
    free(buf);
    return pos;
}

static int compile_posix(lua_State *L, struct rx *re, const char *pat,
                         size_t len, bool extended, bool icase, bool nosubs)
{
    const char *nul = memchr(pat, '\0', len);
    if (nul)
        return rx_raise_syntax(L, RX_EBADPATTERN, (size_t)(nul - pat) + 1,
                               "a POSIX pattern cannot hold a NUL byte");
    size_t big = rx_posix_too_big(pat, len, extended);
    if (big)
        return rx_raise_syntax(L, RX_ESPACE, big,
                               "the pattern is too large once its "
                               "repetitions are expanded");
    /* Not REG_NOSUB even for nosubs: it would hide the whole match too. */
    int cflags = (extended ? REG_EXTENDED : 0) | (icase ? REG_ICASE : 0);
    int rc = regcomp(&re->preg, pat, cflags);
    if (rc != 0) {
        char msg[256];
        regerror(rc, NULL, msg, sizeof msg);
        return rx_raise_syntax(L, posix_errc(rc),
                               posix_position(pat, len, cflags), msg);
    }
    re->has_preg = true;
    re->groups = nosubs ? 0 : (uint32_t)re->preg.re_nsub;
    re->pm = calloc((size_t)re->groups + 1, sizeof *re->pm);
    if (!re->pm)
        return emilua_raise_errno(L, ENOMEM);
    return 0;
}

int rx_new(lua_State *L)
{
    emilua_check_type(L, 1, LUA_TTABLE, "options");
    lua_getfield(L, 1, "pattern");
    if (lua_type(L, -1) != LUA_TSTRING)
        return field_error(L, "pattern", "a string", -1);
    size_t len;
    const char *pat = lua_tolstring(L, -1, &len);   /* stays at index 2 */
    lua_getfield(L, 1, "grammar");
    const char *g = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    enum rx_grammar grammar;
    if (strcmp(g, "ecma") == 0)
        grammar = RX_ECMA;
    else if (strcmp(g, "extended") == 0)
        grammar = RX_EXTENDED;
    else if (strcmp(g, "basic") == 0)
        grammar = RX_BASIC;
    else
        return field_error(L, "grammar",
                           "\"basic\", \"extended\" or \"ecma\"", -1);
    lua_pop(L, 1);
    bool icase = opt_field(L, "ignore_case");
    bool nosubs = opt_field(L, "nosubs");
    /* Both engines always optimise: PCRE2 JIT-compiles every pattern. */
    opt_field(L, "optimize");

    struct rx *re = emilua_new_udata(L, &rx_type, sizeof *re);
    memset(re, 0, sizeof *re);
    re->grammar = grammar;
    if (grammar == RX_ECMA)
        compile_pcre(L, re, pat, len, icase, nosubs);
    else
        compile_posix(L, re, pat, len, grammar == RX_EXTENDED, icase, nosubs);
    return 1;
}

void rx_need_full(lua_State *L, struct rx *re)
{
    if (re->full)
        return;
    int err;
    PCRE2_SIZE off;
    re->full = pcre2_compile((PCRE2_SPTR)re->pattern, re->pattern_len,
                             re->opts | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                             &err, &off, NULL);
    if (!re->full)      /* it compiled once: only memory can be short */
        emilua_raise_errno(L, ENOMEM);
    pcre2_jit_compile(re->full, PCRE2_JIT_COMPLETE);
}
