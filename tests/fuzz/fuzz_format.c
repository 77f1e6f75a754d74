/* libFuzzer target for the format-string parser (meson -Dfuzzers=true,
 * with CC=clang): build-fuzz/tests/fuzz_format -max_total_time=60 */
#include "../unit/vm_fixture.h"
#include "format_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct vm_fixture fx;
    static int opened;
    if (!opened) {
        vm_fixture_open(&fx);
        opened = 1;
    }
    fuzz_format_one(fx.vm->L, data, size);
    return 0;
}
