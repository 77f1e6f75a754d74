# The names the ---@meta files of types/ define are the names the runtime
# exposes (tools/types/walk.lua walks the globals and every builtin module
# of src/modules/registry.c): any difference either way fails.  After a
# module changes, run tools/gen-types.sh EMILUA.
root=../..
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# shellcheck disable=SC2046
"$EMILUA" "$root/tools/types/walk.lua" $(sh "$root/tools/types/modules.sh") |
    awk '{print $1}' | sort >"$dir/runtime" || exit 1
for f in "$root"/types/*.lua; do
    name=$(basename "$f" .lua)
    [ "$name" = globals ] || echo "$name"
    sed -n -e 's/^function \([A-Za-z0-9_.]*\)(.*/\1/p' \
           -e 's/^\([A-Za-z0-9_.]*\) = .*/\1/p' "$f"
done | sort >"$dir/types"
comm -23 "$dir/runtime" "$dir/types" | sed 's/^/missing from types\/: /'
comm -13 "$dir/runtime" "$dir/types" | sed 's/^/not in the runtime: /'
[ -s "$dir/runtime" ] || echo "the walk found nothing"
cmp -s "$dir/runtime" "$dir/types" && echo "types/ and the runtime agree"
