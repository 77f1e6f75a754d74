FOO=bar EQ='a=b=c' EMPTY= "$EMILUA" environment.lua
