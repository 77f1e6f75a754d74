/* A deterministic fuzz run of format(): 20000 format strings drawn from
 * the characters the format language gives meaning to.  Under the ASan
 * build this checks the parser for memory errors on inputs nobody wrote
 * by hand; tests/fuzz/fuzz_format.c is the coverage-guided version. */
#include <string.h>

#include "check.h"
#include "vm_fixture.h"
#include "../fuzz/format_input.h"

static uint32_t next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

int main(void)
{
    static const char alphabet[] = "{}{}{}:<>^+- #0123456789.xXobBcdeEfFgGaAs?Lname}{%\xff";
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    uint32_t seed = 0x9e3779b9;
    uint8_t buf[64];
    for (int i = 0; i < 20000; i++) {
        size_t n = next(&seed) % sizeof buf;
        for (size_t j = 0; j < n; j++)
            buf[j] = (uint8_t)alphabet[next(&seed) % (sizeof alphabet - 1)];
        fuzz_format_one(fx.vm->L, buf, n);
    }
    /* a known answer, so the harness itself can fail */
    lua_State *L = fx.vm->L;
    lua_getglobal(L, "format");
    lua_pushliteral(L, "{:>5}|{:.2f}");
    lua_pushinteger(L, 42);
    lua_pushnumber(L, 3.14159);
    CHECK(lua_pcall(L, 3, 1, 0) == 0);
    CHECK(lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "   42|3.14") == 0);
    vm_fixture_close(&fx);
    return check_failures;
}
