printf 'xy' | "$EMILUA" stdin_self_ignored.lua
