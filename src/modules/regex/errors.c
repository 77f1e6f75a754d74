/* The "regex" error category and the errors regex functions raise. */
#include <errno.h>
#include <stdio.h>

#include "internal.h"

static const char *rx_message(int code, char *buf, size_t len)
{
    switch (code) {
    case RX_ECOLLATE: return "Invalid collating element in regular expression";
    case RX_ECTYPE: return "Invalid character class in regular expression";
    case RX_EESCAPE: return "Invalid escape in regular expression";
    case RX_EBACKREF: return "Invalid back reference in regular expression";
    case RX_EBRACK: return "Unmatched [ in regular expression";
    case RX_EPAREN: return "Unmatched ( or ) in regular expression";
    case RX_EBRACE: return "Unmatched { in regular expression";
    case RX_EBADBRACE: return "Invalid content of {} in regular expression";
    case RX_ERANGE: return "Invalid range in regular expression";
    case RX_ESPACE: return "Out of memory for the regular expression";
    case RX_EBADREPEAT: return "Nothing to repeat in regular expression";
    case RX_ECOMPLEXITY:
        return "Regular expression match too complex (match limit hit)";
    case RX_ESTACK:
        return "Regular expression match too deep (memory limit hit)";
    case RX_EBADPATTERN: return "Invalid regular expression";
    }
    snprintf(buf, len, "Unknown regex error %d", code);
    return buf;
}

static int rx_to_generic(int code)
{
    return code == RX_ESPACE || code == RX_ESTACK ? ENOMEM : 0;
}

const emilua_error_category rx_category = {
    "regex", rx_message, rx_to_generic,
};

int rx_raise_syntax(lua_State *L, int code, size_t position,
                    const char *detail)
{
    emilua_push_error(L, &rx_category, code);
    lua_pushinteger(L, (lua_Integer)position);
    lua_setfield(L, -2, "position");
    lua_pushstring(L, detail);
    lua_setfield(L, -2, "detail");
    return lua_error(L);
}

int rx_raise_match(lua_State *L, int status)
{
    return emilua_raise_error(L, &rx_category, -status);
}
