# a -> b -> c -> a, nobody catches: the error reaches the entry.
"$EMILUA" cyc3/main.lua
