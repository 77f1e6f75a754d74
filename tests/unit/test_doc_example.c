/* Runs the worked example of doc/internals.md (extracted by the build
 * into internals_example.c): a wait that ends, a wait that is canceled
 * (and does not keep the loop waiting), a wait aborted by close(), and
 * bad arguments. */
#include <string.h>

#include "check.h"
#include "vm_fixture.h"

int example_open(lua_State *L);

static const char program[] =
    "results = {}\n"
    "spawn(function()\n"
    "    example.alarm():wait(5)\n"
    "    results.waited = 'yes'\n"
    "end)\n"
    "local sleeper = spawn(function()\n"
    "    local ok, e = pcall(example.alarm().wait, example.alarm(), 60000)\n"
    "    results.canceled = tostring(e)\n"
    "end)\n"
    "local a = example.alarm()\n"
    "spawn(function()\n"
    "    local ok, e = pcall(a.wait, a, 60000)\n"
    "    results.closed = tostring(e)\n"
    "end)\n"
    "spawn(function()\n"
    "    sleeper:cancel()\n"
    "    a:close()\n"
    "    local b = example.alarm()\n"
    "    local ok, e = pcall(b.wait, b, -1)\n"
    "    results.einval = tostring(e) .. ' ' .. e.arg .. ' ' .. e.func\n"
    "    ok, e = pcall(b.wait, b, 'x')\n"
    "    results.type = e.func .. ' ' .. e.argname .. ' ' .. e.expected\n"
    "    ok, e = pcall(b.wait, 1, 1)\n"
    "    results.self = e.arg .. ' ' .. e.argname .. ' ' .. e.expected\n"
    "end)\n";

static const char *result(lua_State *L, const char *key)
{
    lua_getglobal(L, "results");
    lua_getfield(L, -1, key);
    const char *v = lua_tostring(L, -1);
    lua_pop(L, 2);              /* results still holds the string */
    return v ? v : "(nil)";
}

int main(void)
{
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    lua_State *L = fx.vm->L;
    lua_pushcfunction(L, example_open);
    lua_call(L, 0, 1);
    lua_setglobal(L, "example");

    CHECK(luaL_dostring(L, program) == 0);
    uint64_t start = uv_now(&fx.ctx.loop);
    uv_run(&fx.ctx.loop, UV_RUN_DEFAULT);
    CHECK(uv_now(&fx.ctx.loop) - start < 30000);

    CHECK(strcmp(result(L, "waited"), "yes") == 0);
    CHECK(strcmp(result(L, "canceled"), "Fiber canceled") == 0);
    CHECK(strcmp(result(L, "closed"), "Operation canceled") == 0);
    CHECK(strcmp(result(L, "einval"),
                 "Invalid argument 2 example.alarm:wait") == 0);
    CHECK(strcmp(result(L, "type"), "example.alarm:wait ms a number") == 0);
    CHECK(strcmp(result(L, "self"), "1 self a example.alarm") == 0);
    if (check_failures)
        fprintf(stderr, "waited=%s canceled=%s closed=%s einval=%s "
                "type=%s self=%s\n", result(L, "waited"),
                result(L, "canceled"), result(L, "closed"),
                result(L, "einval"), result(L, "type"), result(L, "self"));
    vm_fixture_close(&fx);
    return check_failures;
}
