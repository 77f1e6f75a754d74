/* The C API of emilua/filesystem.h that file and socket modules use:
 * a path from bytes, its bytes back, and the errors of a non-path or of
 * a path a system call could not take. */
#include <string.h>

#include <emilua/filesystem.h>

#include "check.h"
#include "vm_fixture.h"

/* (value) -> bytes or raises, through emilua_check_path */
static int check_path(lua_State *L)
{
    size_t len;
    const char *s = emilua_check_path(L, 1, "p", &len);
    lua_pushlstring(L, s, len);
    return 1;
}

static int check_path_cstr(lua_State *L)
{
    lua_pushstring(L, emilua_check_path_cstr(L, 1, "p"));
    return 1;
}

/* Calls f(value at top) and tells whether it raised EINVAL with arg 1. */
static bool raises_einval_arg1(lua_State *L, lua_CFunction f)
{
    lua_pushcfunction(L, f);
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 1, 0) == 0) {
        lua_pop(L, 1);
        return false;
    }
    bool ok = emilua_is_error(L, -1, &emilua_generic_category, EINVAL);
    lua_getfield(L, -1, "arg");
    ok = ok && lua_tointeger(L, -1) == 1;
    lua_pop(L, 2);
    return ok;
}

int main(void)
{
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    lua_State *L = fx.vm->L;

    emilua_push_path(L, "/tmp/a\0b", 8);
    size_t len;
    const char *s = emilua_test_path(L, -1, &len);
    CHECK(s && len == 8 && memcmp(s, "/tmp/a\0b", 9) == 0);
    CHECK(emilua_test_path(L, -1, NULL) == s);
    lua_getglobal(L, "tostring");
    lua_pushvalue(L, -2);
    CHECK(lua_pcall(L, 1, 1, 0) == 0 && lua_objlen(L, -1) == 8);
    lua_pop(L, 1);
    /* a NUL inside cannot reach a system call */
    CHECK(raises_einval_arg1(L, check_path_cstr));

    emilua_push_path(L, "", 0);
    CHECK(emilua_test_path(L, -1, &len) && len == 0);
    lua_pushcfunction(L, check_path);
    lua_insert(L, -2);
    CHECK(lua_pcall(L, 1, 1, 0) == 0 && lua_objlen(L, -1) == 0);
    lua_pop(L, 1);

    emilua_push_path(L, "/etc/hosts", 10);
    lua_pushcfunction(L, check_path_cstr);
    lua_insert(L, -2);
    CHECK(lua_pcall(L, 1, 1, 0) == 0 &&
          strcmp(lua_tostring(L, -1), "/etc/hosts") == 0);
    lua_pop(L, 1);

    /* plain strings and other values are refused */
    lua_pushliteral(L, "/etc/hosts");
    CHECK(emilua_test_path(L, -1, NULL) == NULL);
    CHECK(raises_einval_arg1(L, check_path));
    lua_newuserdata(L, 16);
    CHECK(emilua_test_path(L, -1, NULL) == NULL);
    CHECK(raises_einval_arg1(L, check_path));

    vm_fixture_close(&fx);
    return check_failures != 0;
}
