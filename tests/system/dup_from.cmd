# Redirect stdout to an inherited file for a while, then restore it.
out=$(mktemp)
"$EMILUA" dup_from.lua 3>"$out"
echo '--- file:'
cat "$out"
rm -f "$out"
