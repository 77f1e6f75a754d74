# openssl_s_client.lua serves a real `openssl s_client` on loopback
# (port 0).  The Lua server's first output line is its port, read through
# a fifo; what s_client printed is shown once both have ended.
d=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    wait
    rm -rf "$d"
}
trap cleanup EXIT
sh ./mkcerts.sh "$d" || exit 1
mkfifo "$d/out"
"$EMILUA" openssl_s_client.lua "$d" >"$d/out" 2>&1 &
pid=$!
exec 3<"$d/out"
IFS= read -r port <&3 || { echo "the server did not start"; exit 1; }
cat <&3 &
exec 3<&-
printf 'hello, emilua\n' |
    openssl s_client -connect "127.0.0.1:$port" -quiet \
        -CAfile "$d/ca.pem" -verify_return_error -verify_hostname localhost \
        >"$d/client" 2>"$d/client.err"
status=$?
wait "$pid"
pid=
wait
echo "s_client exit $status:"
cat "$d/client"
