/* libFuzzer target for the regex module (meson -Dfuzzers=true, with
 * CC=clang): build-fuzz/tests/fuzz_regex -max_total_time=60 */
#include "../unit/vm_fixture.h"
#include "regex_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct vm_fixture fx;
    static int opened;
    if (!opened) {
        vm_fixture_open(&fx);
        opened = 1;
    }
    fuzz_regex_one(fx.vm->L, data, size);
    return 0;
}
