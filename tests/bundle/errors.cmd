# `emilua bundle` refuses what it cannot bundle, with usage errors exit 2.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$EMILUA" bundle fix/app
echo "exit $?"
"$EMILUA" bundle -o "$dir/x"
echo "exit $?"
"$EMILUA" bundle fix/app -o "$dir/x" --bogus
echo "exit $?"
"$EMILUA" bundle fix/lib -o "$dir/x"
echo "exit $?"
"$EMILUA" bundle fix/broken -o "$dir/broken"
echo "exit $?"
[ -e "$dir/broken" ] && echo "a failed bundle was left behind"
out=$("$EMILUA" bundle fix/app -o "$dir/no/such/dir/x" 2>&1)
status=$?
echo "$out" | sed "s|$dir|DIR|"
echo "exit $status"
