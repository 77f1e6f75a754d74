printf 'abc' | "$EMILUA" stdin_pipe.lua
