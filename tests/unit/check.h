/* A minimal assertion helper for the C unit tests: prints the failing
 * expression and counts failures; main returns the count. */
#ifndef EMILUA_TEST_CHECK_H
#define EMILUA_TEST_CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(expr)                                                      \
    do {                                                                 \
        if (!(expr)) {                                                   \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,       \
                    __LINE__, #expr);                                    \
            check_failures++;                                            \
        }                                                                \
    } while (0)

#endif
