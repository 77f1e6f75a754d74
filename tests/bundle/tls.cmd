# A bundle carries the runtime's shared-object modules (emilua-tls.so), so
# an app using tls runs where no other copy of them is installed.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$EMILUA" bundle fix/tlsapp -o "$dir/app" || exit 1
mkdir "$dir/clean"
cd "$dir/clean" || exit 1
env -i PATH=/usr/bin:/bin EMILUA_COLORS=0 ../app
echo "exit $?"
