LCS_SO=$(dirname "$EMILUA")/libemilua-libc-service.so exec "$EMILUA" api.lua
