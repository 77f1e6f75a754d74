# socket_truncated.lua gets a throwaway CA and server certificate.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
sh ./mkcerts.sh "$d" || exit 1
"$EMILUA" socket_truncated.lua "$d"
