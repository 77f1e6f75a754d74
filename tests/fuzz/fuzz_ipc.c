/* libFuzzer target for the IPC decoder (meson -Dfuzzers=true, with
 * CC=clang): build-fuzz/tests/fuzz_ipc -runs=1000000 -max_len=11000.
 * Byte 0 is the fd count the message came with; when bit 0 of byte 1 is
 * set, the rest is the start of a message of the right size (zeros after
 * it), so the fuzzer reaches the member checks at once; else it is the
 * whole message, any length.  The decoder must never read out of bounds
 * and must agree with the test model on every input. */
#include <stdint.h>
#include <stdlib.h>

#include "../unit/ipc_model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t nfds = data[0] % (EMILUA_IPC_MAX_MEMBERS + 2);
    size_t len = size - 2;
    if (data[1] & 1) {
        if (len > sizeof(struct ipc_wire))
            len = sizeof(struct ipc_wire);
        unsigned char *msg = calloc(1, sizeof(struct ipc_wire));
        memcpy(msg, data + 2, len);
        int ok = ipc_validate(msg, sizeof(struct ipc_wire), nfds) == 0;
        if (ok != model_valid(msg, sizeof(struct ipc_wire), nfds))
            abort();
        free(msg);
        return 0;
    }
    /* a copy of the exact size so that overreads are caught */
    unsigned char *msg = malloc(len ? len : 1);
    memcpy(msg, data + 2, len);
    int ok = ipc_validate(msg, len, nfds) == 0;
    if (ok != model_valid(msg, len, nfds))
        abort();
    free(msg);
    return 0;
}
