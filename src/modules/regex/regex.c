/* require 'regex': compiled regular expressions of three grammars behind
 * one interface ("ecma" on PCRE2, "basic" and "extended" on the C
 * library's POSIX regcomp/regexec). */
#include "internal.h"

static const emilua_reg rx_funcs[] = {
    {"new", rx_new, 0},
    {"match", rx_match, 0},
    {"search", rx_search, 0},
    {"split", rx_split, 0},
    {"patsplit", rx_patsplit, 0},
    {NULL, NULL, 0},
};

int emilua_open_regex(lua_State *L);

int emilua_open_regex(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "regex", rx_funcs);
    return 1;
}
