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
    *fx = (struct vm_fixture){0};
    if (context_init_main(&fx->ctx, &fx->proc) != 0 ||
        !(fx->vm = vm_new(&fx->ctx, true)))
        abort();
    context_add_vm(&fx->ctx, fx->vm);
    /* the test looks at the VM after its fibers are done */
    fx->vm->stay_open = true;
    emilua_vm_ref(fx->vm);
}

static inline void vm_fixture_close(struct vm_fixture *fx)
{
    vm_close(fx->vm);
    emilua_vm_unref(fx->vm);
    context_run_main(&fx->ctx);
}

#endif
