# Same as rel_sibling, with the entry named by an absolute path.
"$EMILUA" "$PWD/rel_sibling.lua"
