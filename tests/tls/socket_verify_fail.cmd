# socket_verify_fail.lua gets a throwaway CA and server certificate.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
sh ./mkcerts.sh "$d" || exit 1
"$EMILUA" socket_verify_fail.lua "$d"
