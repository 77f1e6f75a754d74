/* The lexical algorithms of filesystem.path on POSIX paths (byte strings,
 * '/' the only separator, no root names), as std::filesystem::path
 * defines them.  No function here touches Lua or the filesystem. */
#ifndef EMILUA_FS_PATH_LEXICAL_H
#define EMILUA_FS_PATH_LEXICAL_H

#include <stdbool.h>
#include <stddef.h>

/* One element of a path: the root directory ("/"), a file name, or the
 * empty name that stands for a trailing separator. */
struct fs_elem {
    size_t pos, len;
};

/* Element iteration: start with *cursor = 0; each call gives the next
 * element or returns false at the end. */
bool fs_next_elem(const char *s, size_t n, size_t *cursor,
                  struct fs_elem *e);

static inline bool fs_has_root(const char *s, size_t n)
{
    return n > 0 && s[0] == '/';
}

/* Where the relative part starts (after the root's separators). */
size_t fs_relative_start(const char *s, size_t n);
/* The filename: [*pos, n), empty when the path ends with a separator. */
size_t fs_filename_start(const char *s, size_t n);
/* Length of the parent path's prefix. */
size_t fs_parent_len(const char *s, size_t n);
/* Within the filename f of length fn: the length of the stem (the
 * extension is the rest). */
size_t fs_stem_len(const char *f, size_t fn);

/* <0, 0, >0 as std::filesystem::path::compare. */
int fs_compare(const char *a, size_t an, const char *b, size_t bn);

/* Results written to out; each returns the length.  The capacities out
 * must have: */
#define FS_NORMAL_CAP(n) ((n) + 2)
#define FS_RELATIVE_CAP(n, bn) (3 * (bn) + (n) + 2)
size_t fs_lexically_normal(const char *s, size_t n, char *out,
                           struct fs_elem *scratch);
/* The empty path (0) when there is no relative form. */
size_t fs_lexically_relative(const char *s, size_t n, const char *b,
                             size_t bn, char *out);

/* a / b (cap an + bn + 1): b when b is absolute, else a, a separator
 * when a has a filename, and b. */
size_t fs_join(const char *a, size_t an, const char *b, size_t bn, char *out);
/* The path with its extension replaced by r (cap n + rn + 1); r gets a
 * leading period unless it is empty or has one. */
size_t fs_replace_extension(const char *s, size_t n, const char *r,
                            size_t rn, char *out);

/* Scratch elements fs_lexically_normal needs for a path of n bytes. */
#define FS_MAX_ELEMS(n) ((n) + 2)

#endif
