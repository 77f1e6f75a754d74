/* libFuzzer target for the libc_service wire format (meson
 * -Dfuzzers=true, with CC=clang):
 * build-fuzz/tests/fuzz_libc_service_wire -max_total_time=60
 * The first byte picks the fd count and the reply's function; whatever
 * decodes must encode back to the same bytes. */
#include <stdlib.h>
#include <string.h>

#include "libc_service/wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned char out[LCS_MAX_REQUEST];
    static struct lcs_request r;
    static struct lcs_reply p;
    if (size == 0)
        return 0;
    int nfds = data[0] & 1, fn = (data[0] >> 1) % LCS_FN_COUNT;
    data++, size--;
    if (lcs_decode_request(data, size, nfds, &r) == 0 &&
        (lcs_encode_request(&r, out) != size || memcmp(out, data, size)))
        abort();
    if (lcs_decode_reply(data, size, nfds, fn, &p) == 0 &&
        lcs_encode_reply(&p, out) != size)
        abort();
    return 0;
}
