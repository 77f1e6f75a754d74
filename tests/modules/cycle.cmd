# a -> b -> a: the import of a in b raises "Cyclic import".
"$EMILUA" cyc/main.lua
