d=$(mktemp -d) || exit 99
ln -s /proc/self/mem "$d/mem.lua"
EMILUA_PATH=$d "$EMILUA" system_error.lua
st=$?
rm -rf "$d"
exit $st
