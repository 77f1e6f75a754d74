/* system.set_no_new_privs and system.seccomp_set_mode_filter: the
 * process-wide restrictions, for the master VM only. */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <emilua/byte_span.h>

#include "system.h"

/* prctl() marks the calling thread only; a later seccomp_set_mode_filter
 * (which synchronises every thread) carries the bit to the others. */
static int system_set_no_new_privs(lua_State *L)
{
    system_check_master(L);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

/* The BPF program is an array of struct sock_filter, as the kernel and
 * system.seccomp_filter's export() lay it out. */
static int system_seccomp_set_mode_filter(lua_State *L)
{
    emilua_byte_span *bs = emilua_check_byte_span(L, 1);
    if (bs->size == 0 || bs->size % sizeof(struct sock_filter) != 0 ||
        bs->size / sizeof(struct sock_filter) > BPF_MAXINSNS)
        return emilua_raise_einval_arg(L, 1);
    system_check_master(L);
    struct sock_fprog prog = {
        .len = (unsigned short)(bs->size / sizeof(struct sock_filter)),
        .filter = (struct sock_filter *)emilua_byte_span_data(bs),
    };
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
                SECCOMP_FILTER_FLAG_TSYNC, &prog) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static const emilua_reg seccomp_funcs[] = {
    {"set_no_new_privs", system_set_no_new_privs, 0},
    {"seccomp_set_mode_filter", system_seccomp_set_mode_filter, 0},
    {NULL, NULL, 0},
};

void system_open_seccomp(lua_State *L)
{
    emilua_set_funcs(L, "system", seccomp_funcs);
}
