# openssl_s_server.lua talks to a real `openssl s_server` on loopback
# (port 0).  The port comes from its "ACCEPT host:port" line, read
# through a fifo; the server is killed by PID at the end.
d=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    wait
    rm -rf "$d"
}
trap cleanup EXIT
sh ./mkcerts.sh "$d" || exit 1
mkfifo "$d/log"
openssl s_server -accept 127.0.0.1:0 -naccept 1 -rev \
    -cert "$d/server.pem" -key "$d/server.key" </dev/null >"$d/log" 2>&1 &
pid=$!
exec 3<"$d/log"
port=
while IFS= read -r line <&3; do
    case $line in "ACCEPT "*) port=${line##*:}; break ;; esac
done
[ -n "$port" ] || { echo "s_server did not start"; exit 1; }
cat <&3 >/dev/null &
exec 3<&-
"$EMILUA" openssl_s_server.lua "$d" "$port"
