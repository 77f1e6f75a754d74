# The client program and the data directory come from the build and a
# temporary directory.
dir=$(mktemp -d) || exit 99
trap 'rm -rf "$dir"' EXIT
echo "hello from host" >"$dir/allowed.txt"
echo secret >"$dir/denied.txt"
echo a >"$dir/a"
ln -s allowed.txt "$dir/link"
LCS_CLIENT=$(dirname "$EMILUA")/tests/lcs_client LCS_DIR=$dir \
    "$EMILUA" broker.lua 2>&1 | sed "s|$dir|\$DIR|g"
echo "renamed: $(cat "$dir/b" 2>&1 | sed "s|$dir|\$DIR|g")"
