# Each program of tests/examples/ (those run as `emilua NAME.lua`) made a
# one-file bundle and run from an empty directory, with no emilua on PATH
# and no app directory around: it prints what its golden file says.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
examples=$(cd ../examples && pwd)
mkdir "$dir/clean" "$dir/bin"
n=0
for out in "$examples"/*.out; do
    name=$(basename "$out" .out)
    [ -e "$examples/$name.cmd" ] && continue   # needs more than a run
    mkdir "$dir/$name"
    cp "$examples/$name.lua" "$dir/$name/init.lua"
    # named emilua, as the process name shows in /proc (unix.lua)
    mkdir "$dir/bin/$name"
    "$EMILUA" bundle "$dir/$name" -o "$dir/bin/$name/emilua" || exit 1
    rm -r "$dir/$name"
    actual=$(cd "$dir/clean" &&
             env -i PATH=/usr/bin:/bin EMILUA_COLORS=0 "../bin/$name/emilua" \
                 </dev/null 2>&1)
    status=$?
    [ $status -ne 0 ] && actual="$actual
[exit $status]"
    # as run-golden.sh: addresses renumbered in order of appearance; the
    # program's own name (system.arguments[2]) is the bundle's
    actual=$(printf '%s\n' "$actual" | sed "s|\.\./bin/$name/emilua|$name.lua|g" | awk '{
        out = ""
        while (match($0, /0x[0-9a-fA-F]+/)) {
            addr = substr($0, RSTART, RLENGTH)
            if (!(addr in seen)) seen[addr] = "0x" (++n)
            out = out substr($0, 1, RSTART - 1) seen[addr]
            $0 = substr($0, RSTART + RLENGTH)
        }
        print out $0
    }')
    if [ "$actual" != "$(cat "$out")" ]; then
        echo "$name: the bundle printed something else:"
        printf '%s\n' "$actual" | diff "$out" - | head -20
    fi
    n=$((n + 1))
done
[ -z "$(ls "$dir/clean")" ] || echo "a bundle left files behind"
command -v emilua >/dev/null 2>&1 && echo "(emilua is on this PATH)"
[ "$n" -ge 10 ] && echo "every example ran as a bundle"
