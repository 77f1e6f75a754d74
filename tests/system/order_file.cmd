# stdout and stderr are one regular file
out=$(mktemp)
"$EMILUA" order.lua >"$out" 2>&1
cat "$out"
rm -f "$out"
