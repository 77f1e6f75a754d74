# fd_count.lua gets a throwaway CA and server certificate.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
sh ./mkcerts.sh "$d" || exit 1
"$EMILUA" fd_count.lua "$d"
