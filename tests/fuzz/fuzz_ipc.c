/* libFuzzer target for the IPC decoder (meson -Dfuzzers=true, with
 * CC=clang): build-fuzz/tests/fuzz_ipc -runs=1000000.  The first byte is
 * the fd count the message came with; the decoder must never read out of
 * bounds and must agree with the test model on every input. */
#include <stdint.h>
#include <stdlib.h>

#include "../unit/ipc_model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t nfds = data[0] % (EMILUA_IPC_MAX_MEMBERS + 2);
    /* a copy of the exact size so that overreads are caught */
    unsigned char *msg = malloc(size - 1 ? size - 1 : 1);
    memcpy(msg, data + 1, size - 1);
    int ok = ipc_validate(msg, size - 1, nfds) == 0;
    if (ok != model_valid(msg, size - 1, nfds))
        abort();
    free(msg);
    return 0;
}
