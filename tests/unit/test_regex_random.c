/* A deterministic fuzz run of the regex module: 5000 patterns drawn from
 * the characters the three grammars give meaning to, each run by every
 * function over a short subject, as a string and as a byte_span.  Under
 * the ASan build this checks both engines' glue (offsets, empty matches,
 * NUL bytes, loops that must advance) on inputs nobody wrote by hand;
 * tests/fuzz/fuzz_regex.c is the coverage-guided version. */
#include <string.h>

#include "check.h"
#include "vm_fixture.h"
#include "../fuzz/regex_input.h"

static uint32_t next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

int main(void)
{
    static const char pattern_chars[] = "ab()()[]|*+?{}^$.\\\\,12-:=!<dwsbK";
    static const char subject_chars[] = "aab,\n\0bb";
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    uint32_t seed = 0x2545f491;
    uint8_t buf[48];
    for (int i = 0; i < 5000; i++) {
        uint32_t plen = next(&seed) % 12, slen = next(&seed) % 24;
        buf[0] = (uint8_t)next(&seed);
        buf[1] = (uint8_t)plen;
        for (uint32_t j = 0; j < plen; j++)
            buf[2 + j] = (uint8_t)pattern_chars[next(&seed) %
                                                (sizeof pattern_chars - 1)];
        for (uint32_t j = 0; j < slen; j++)
            buf[2 + plen + j] = (uint8_t)subject_chars[
                next(&seed) % (sizeof subject_chars - 1)];
        fuzz_regex_one(fx.vm->L, buf, 2 + plen + slen);
    }
    /* a known answer, so the harness itself can fail */
    lua_State *L = fx.vm->L;
    lua_settop(L, 0);
    lua_pushcfunction(L, emilua_open_regex);
    lua_call(L, 0, 1);
    lua_getfield(L, 1, "patsplit");
    lua_getfield(L, 1, "new");
    lua_createtable(L, 0, 2);
    lua_pushliteral(L, "[^,]*");
    lua_setfield(L, -2, "pattern");
    lua_pushliteral(L, "extended");
    lua_setfield(L, -2, "grammar");
    CHECK(lua_pcall(L, 1, 1, 0) == 0);
    lua_pushliteral(L, ",a,,b");
    CHECK(lua_pcall(L, 2, 1, 0) == 0);
    CHECK(lua_istable(L, -1) && lua_objlen(L, -1) == 4);
    vm_fixture_close(&fx);
    return check_failures;
}
