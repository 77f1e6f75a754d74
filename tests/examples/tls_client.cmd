# tls_client.lua gets a throwaway CA and server certificate in a directory.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
sh ../tls/mkcerts.sh "$d" || exit 1
"$EMILUA" tls_client.lua "$d"
