/* A VM for C tests: one process, one context, one master VM, with no
 * entry module.  Lua code can be run on vm->L with lua_pcall. */
#ifndef EMILUA_TEST_VM_FIXTURE_H
#define EMILUA_TEST_VM_FIXTURE_H

#include <stdlib.h>

#include "core/core.h"

struct vm_fixture {
    emilua_process proc;
    emilua_context ctx;
    emilua_vm *vm;
};

static inline void vm_fixture_open(struct vm_fixture *fx)
{
    fx->ctx.process = &fx->proc;
    if (uv_loop_init(&fx->ctx.loop) != 0 ||
        !(fx->vm = vm_new(&fx->ctx, true)))
        abort();
}

static inline void vm_fixture_close(struct vm_fixture *fx)
{
    vm_close(fx->vm);
    uv_run(&fx->ctx.loop, UV_RUN_DEFAULT);
    uv_loop_close(&fx->ctx.loop);
}

#endif
