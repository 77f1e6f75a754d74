printf 'a\nb\n\nlast' | "$EMILUA" scanner_pipe.lua
