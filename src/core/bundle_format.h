/* The layout `emilua bundle` appends to a copy of the runtime:
 *
 *   [runtime][file data...][index][trailer]
 *
 * The trailer is the last TRAILER_SIZE bytes, so a start-up finds it with
 * one pread.  The index is, per file, sorted by path: u64 offset, u64
 * size, u32 path length, then the path (relative to the app dir, no NUL).
 * Offsets count from the start of the executable.  Numbers are in the
 * machine's own byte order: a bundle runs where its runtime runs. */
#ifndef EMILUA_BUNDLE_FORMAT_H
#define EMILUA_BUNDLE_FORMAT_H

#include <stdint.h>

#define BUNDLE_MAGIC "\x7f" "emilua-bundle-1"   /* 16 bytes with the NUL */

struct bundle_trailer {
    uint64_t runtime_size;   /* where the appended part starts */
    uint64_t index_offset;
    uint64_t index_size;
    uint64_t count;          /* files in the index */
    char magic[16];
};

#define TRAILER_SIZE ((int)sizeof(struct bundle_trailer))

#endif
