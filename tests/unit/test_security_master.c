/* set_no_new_privs, seccomp_set_mode_filter and landlock_restrict_self
 * change the whole process, so they are the master VM's: another VM gets
 * the emilua "not master VM" error and the process is left as it was
 * (checked in /proc/self/status). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <emilua/byte_span.h>
#include <emilua/file_descriptor.h>

#include "check.h"
#include "vm_fixture.h"

int emilua_open_system(lua_State *L);

/* The "NoNewPrivs:" or "Seccomp:" value of /proc/self/status. */
static int status_field(const char *name)
{
    FILE *f = fopen("/proc/self/status", "re");
    char line[256];
    int v = -1;
    size_t n = strlen(name);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, name, n) == 0)
            sscanf(line + n, ":%d", &v);
    if (f)
        fclose(f);
    return v;
}

/* Calls system[name] (the module table is at index 1) with the value
 * pushed by push (or none). */
static bool refused(lua_State *L, const char *name,
                    void (*push)(lua_State *L))
{
    lua_getfield(L, 1, name);
    int nargs = 0;
    if (push) {
        push(L);
        nargs = 1;
    }
    if (lua_pcall(L, nargs, 0, 0) == 0)
        return false;
    bool ok = emilua_is_error(L, -1, &emilua_runtime_category,
                              EMILUA_ERRC_NOT_MASTER_VM);
    lua_pop(L, 1);
    return ok;
}

/* A one-instruction program that would kill the process at once. */
static void push_kill_all(lua_State *L)
{
    emilua_byte_span *bs = emilua_push_byte_span(L, 8, 8);
    static const unsigned char ret_kill[8] = {0x06, 0, 0, 0, 0, 0, 0, 0};
    memcpy(emilua_byte_span_data(bs), ret_kill, 8);
}

static void push_stdin_fd(lua_State *L)
{
    emilua_push_file_descriptor(L, dup(0));
}

int main(void)
{
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    emilua_vm *other = vm_new(&fx.ctx, false);
    CHECK(other != NULL);
    lua_State *L = other->L;
    /* opened once: the module's stdio objects are one per VM */
    lua_pushcfunction(L, emilua_open_system);
    lua_call(L, 0, 1);

    int nnp = status_field("NoNewPrivs"), seccomp = status_field("Seccomp");
    CHECK(refused(L, "set_no_new_privs", NULL));
    CHECK(refused(L, "seccomp_set_mode_filter", push_kill_all));
    CHECK(refused(L, "landlock_restrict_self", push_stdin_fd));
    CHECK(status_field("NoNewPrivs") == nnp);
    CHECK(status_field("Seccomp") == seccomp);

    vm_close(other);
    vm_fixture_close(&fx);
    return check_failures != 0;
}
