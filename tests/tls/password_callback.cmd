d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
sh ./mkcerts.sh "$d" || exit 1
"$EMILUA" password_callback.lua "$d/encrypted.key" "$(cat "$d/encrypted.key")"
