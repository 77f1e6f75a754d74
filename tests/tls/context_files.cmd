# context_files.lua loads the files mkcerts.sh makes, and PEM texts
# passed as arguments (no Lua file API exists yet to read them).
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
sh ./mkcerts.sh "$d" || exit 1
"$EMILUA" context_files.lua "$d" "$(cat "$d/ca.pem")" \
    "$(cat "$d/server.pem")" "$(cat "$d/server.key")" "$(cat "$d/chain.pem")" \
    "$(cat "$d/dh.pem")" "$(cat "$d/ec.key")"
