# The example finds the slave's library next to the runtime in the build.
LIBEMILUA_LIBC_SERVICE=$(dirname "$EMILUA")/libemilua-libc-service.so \
    exec "$EMILUA" libc_service.lua
