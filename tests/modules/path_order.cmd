# EMILUA_PATH dirs are searched in order; the first match wins.
EMILUA_PATH=pkgs/first:pkgs/second "$EMILUA" path_order.lua
