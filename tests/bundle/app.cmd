# `emilua bundle APPDIR -o FILE` makes one executable that runs the app
# with no emilua, no app directory and no EMILUA_PATH around.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$EMILUA" bundle fix/app -o "$dir/app" || exit 1
[ -x "$dir/app" ] && echo "bundle is executable"
# the app files are appended: Lua as bytecode, hidden files left out
grep -q "An app bundled by" "$dir/app" && echo "Lua source (comments) in the bundle"
grep -q "some data" "$dir/app" && echo "data file in the bundle"
grep -q "not bundled: hidden" "$dir/app" && echo "hidden file in the bundle"
mkdir "$dir/clean"
cd "$dir/clean" || exit 1
env -i PATH=/usr/bin:/bin EMILUA_COLORS=0 ../app world extra
echo "exit $?"
env -i PATH=/usr/bin:/bin EMILUA_COLORS=0 ../app fail 2>&1
echo "exit $?"
# options belong to the app, not to the runtime
env -i PATH=/usr/bin:/bin EMILUA_COLORS=0 ../app --version | head -1
