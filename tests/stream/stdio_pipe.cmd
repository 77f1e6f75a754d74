printf 'hello world' | "$EMILUA" stdio_pipe.lua
