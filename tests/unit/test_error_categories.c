/* Every runtime error code has a message and the documented generic
 * equivalents; system errors map to generic ones with the same number. */
#include <errno.h>
#include <string.h>

#include "check.h"
#include <emilua/api.h>

int main(void)
{
    char buf[256];
    for (int code = 1; code < EMILUA_ERRC_LAST_; code++) {
        const char *msg = emilua_runtime_category.message(code, buf,
                                                          sizeof buf);
        CHECK(msg && *msg && strncmp(msg, "Unknown", 7) != 0);
    }
    CHECK(strncmp(emilua_runtime_category.message(9999, buf, sizeof buf),
                  "Unknown emilua error 9999", 25) == 0);

    CHECK(emilua_runtime_category.to_generic(EMILUA_ERRC_FIBER_CANCELED) ==
          ECANCELED);
    CHECK(emilua_runtime_category.to_generic(
              EMILUA_ERRC_SUSPENSION_FORBIDDEN) == EPERM);
    CHECK(emilua_runtime_category.to_generic(EMILUA_ERRC_MODULE_NOT_FOUND) ==
          ENOENT);
    CHECK(emilua_runtime_category.to_generic(EMILUA_ERRC_CYCLIC_IMPORT) == 0);

    CHECK(emilua_system_category.to_generic(EEXIST) == EEXIST);
    CHECK(emilua_generic_category.to_generic == NULL);
    CHECK(strcmp(emilua_system_category.message(ENOENT, buf, sizeof buf),
                 strerror(ENOENT)) == 0);
    CHECK(strcmp(emilua_system_category.name, "system") == 0);
    CHECK(strcmp(emilua_generic_category.name, "generic") == 0);
    CHECK(strcmp(emilua_runtime_category.name, "emilua") == 0);
    return check_failures;
}
