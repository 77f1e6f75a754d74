EMILUA_PATH=pkgs/second:pkgs/first "$EMILUA" path_order.lua
