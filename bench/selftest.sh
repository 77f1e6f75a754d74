#!/bin/sh
# Checks the network benchmark programs themselves, not emilua's speed: it
# builds the C floors and the soak load generator with warnings as errors
# and runs each briefly, including runs that must fail (wrong CA, a server
# that does not echo).  It runs the emilua workloads briefly too: on the
# real ip/tls modules where they have sockets, else on the in-memory
# stand-ins in bench/selftest/ (which check the scripts' logic only).  About 20 s; not in
# CI (it needs wrk's set-up: bench/setup.sh).  Loopback only.
#
#   sh bench/selftest.sh [BUILD_DIR]      (default: build)
set -eu

BENCH=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-build}
EMILUA=$(cd "$BUILD" 2>/dev/null && pwd)/emilua || true
CC=${CC:-cc}
[ -x "$EMILUA" ] || { echo "selftest: no emilua in '$BUILD'" >&2; exit 2; }
command -v bash >/dev/null || { echo "selftest: needs bash" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/emilua-bench-selftest.XXXXXX")
PIDS=
# running PID: is PID a live process (a zombie is not)?
running() {
    s=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" \
        2>/dev/null) || s=
    [ -n "$s" ] && [ "$s" != Z ]
}
# stop PID: TERM, KILL if still running 2 s later, reap.  (A TERM that
# lands between fork and exec is taken by our trap in the child and lost.)
stop() {
    kill "$1" 2>/dev/null || true
    i=0
    while running "$1" && [ $i -lt 40 ]; do
        sleep 0.05
        i=$((i + 1))
    done
    kill -KILL "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}
# shellcheck disable=SC2317  # (called by the trap)
cleanup() {
    for p in $PIDS; do stop "$p"; done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; [ -z "${2:-}" ] || echo "$2" | head -n 20 | sed 's/^/     /'; }
# expect NAME EXPECTED ACTUAL
expect() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected '$2', got '$3'"; fi; }

# start NAME CMD...: runs a server printing "port N" (or s_server's
# "ACCEPT host:N"); sets PORT and SPID.
start() {
    s_name=$1
    shift
    : >"$TMP/$s_name.out"
    timeout 60 "$@" >"$TMP/$s_name.out" 2>"$TMP/$s_name.err" </dev/null &
    SPID=$!
    PIDS="$PIDS $SPID"
    PORT='' i=0
    while [ $i -lt 100 ]; do
        alive=yes
        running "$SPID" || alive=no
        PORT=$(sed -n 's/^port \([0-9]*\)$/\1/p; s/^ACCEPT .*:\([0-9]*\)$/\1/p' \
            "$TMP/$s_name.out" | head -n 1)
        if [ -n "$PORT" ] || [ $alive = no ]; then break; fi
        sleep 0.05
        i=$((i + 1))
    done
    [ -n "$PORT" ]
}

# http_probe PORT: three pipelined requests, then a request head of exactly
# the servers' 8 KiB buffer (which they must refuse by closing, cleanly,
# having read all of it); prints what came back, as bytes counted and the
# response count.
REQ='GET / HTTP/1.1\r\nHost: x\r\n\r\n'
RESP='HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello'
# shellcheck disable=SC2016,SC2059  # (bash expands; the formats hold \r\n)
http_probe() {
    timeout 10 bash -c '
        exec 3<>/dev/tcp/127.0.0.1/$1
        printf "$2$2$2" >&3
        head -c 8192 /dev/zero | tr "\0" x >&3
        cat <&3' _ "$1" "$REQ" >"$TMP/http.reply" 2>/dev/null || true
    printf "$RESP$RESP$RESP" >"$TMP/http.expected"
    if cmp -s "$TMP/http.reply" "$TMP/http.expected"; then echo same; else
        echo "different ($(wc -c <"$TMP/http.reply") bytes)"; fi
}

# ---- the C programs ---------------------------------------------------------

LIBUV=$(pkg-config --cflags --libs libuv)
SSL=$(pkg-config --cflags --libs openssl)
build() {  # SOURCE LIBS
    name=$(basename "$1")
    # shellcheck disable=SC2086
    if "$CC" -O2 -Wall -Wextra -Werror -o "$TMP/$name" "$BENCH/$1.c" $2 \
        2>"$TMP/$name.cc"; then ok "build $1.c"; else
        bad "build $1.c" "$(cat "$TMP/$name.cc")"; fi
}
build floor/tcp_echo "$LIBUV"
build floor/http_hello "$LIBUV"
build floor/tls_echo "$SSL"
build soak/soak_client "$LIBUV"

sum() { awk "BEGIN { s = 0; for (c = 1; c <= $1; c++) for (r = 1; r <= $2; r++)
                     s += (c + r) % 256; printf \"%d\", s }"; }
expect "tcp_echo 50 x 200" "$(sum 50 200)" "$("$TMP/tcp_echo" 50 200 || echo failed)"
expect "tcp_echo 3 x 1000" "$(sum 3 1000)" "$("$TMP/tcp_echo" 3 1000 || echo failed)"

if start c_http "$TMP/http_hello"; then
    expect "http_hello: pipelined, oversized head" same "$(http_probe "$PORT")"
    if command -v wrk >/dev/null; then
        wrk -t1 -c10 -d1s "http://127.0.0.1:$PORT/" >"$TMP/wrk" 2>&1 || true
        if grep -q '^Requests/sec' "$TMP/wrk" &&
            ! grep -q -e 'Socket errors' -e 'Non-2xx' "$TMP/wrk"; then
            ok "http_hello under wrk"
        else
            bad "http_hello under wrk" "$(cat "$TMP/wrk")"
        fi
    fi
    stop "$SPID"
else
    bad "http_hello starts" "$(cat "$TMP/c_http.err")"
fi

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$TMP/tls.key" -out "$TMP/tls.crt" -days 1 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$TMP/other.key" -out "$TMP/other.crt" -days 1 -subj /CN=localhost \
    >/dev/null 2>&1
s_server() {
    start "$1" openssl s_server -accept 127.0.0.1:0 -cert "$TMP/tls.crt" \
        -key "$TMP/tls.key" -rev -naccept "$2"
}
if s_server c_tls 2; then
    expect "tls_echo 200 rounds" 200 \
        "$("$TMP/tls_echo" "$PORT" "$TMP/tls.crt" 200 2>"$TMP/tls.err" || echo failed)"
    if "$TMP/tls_echo" "$PORT" "$TMP/other.crt" 10 >/dev/null 2>&1; then
        bad "tls_echo refuses a server its CA did not sign"
    else
        ok "tls_echo refuses a server its CA did not sign"
    fi
    stop "$SPID"
else
    bad "openssl s_server starts" "$(cat "$TMP/c_tls.err")"
fi

soak() {  # NAME EXPECT(PASS|FAIL) SERVER_CMD...
    s_label=$1 s_expect=$2 s_key=soak_$(echo "$1" | tr -c 'a-zA-Z0-9\n' _)
    shift 2
    if ! start "$s_key" "$@"; then
        bad "$s_label: server starts" "$(cat "$TMP/$s_key.err")"
        return
    fi
    "$TMP/soak_client" -p "$PORT" -P "$SPID" -c 300 -d 4 -w 1 -e 1 -x 20 \
        >"$TMP/$s_key.soak" 2>&1 || true
    stop "$SPID"
    if grep -qx "result: $s_expect" "$TMP/$s_key.soak"; then
        ok "$s_label"
    else
        bad "$s_label" "$(cat "$TMP/$s_key.soak")"
    fi
}
soak "soak_client vs the C echo server" PASS "$TMP/tcp_echo" --serve
soak "soak_client vs a server that does not echo" FAIL "$TMP/http_hello"

# ---- the emilua scripts -----------------------------------------------------

"$EMILUA" "$BENCH/emilua/probe_net.lua" >"$TMP/probe" 2>/dev/null || true
real_tcp=no real_tls=no
grep -qx 'tcp yes' "$TMP/probe" && real_tcp=yes
grep -qx 'tls yes' "$TMP/probe" && real_tls=yes
echo "emilua sockets: ip.tcp $real_tcp, tls $real_tls (stand-ins otherwise)"
export EMILUA_PATH="$BENCH/selftest${EMILUA_PATH:+:$EMILUA_PATH}"

# script NAME: the path of emilua/NAME.lua, or of a copy in $TMP whose
# require of ip (tls) loads the stand-in when the real module lacks sockets.
mkdir "$TMP/scripts"
script() {
    if [ $real_tcp = yes ] && [ $real_tls = yes ]; then
        echo "$BENCH/emilua/$1.lua"
        return
    fi
    prog='s/^//'
    [ $real_tcp = yes ] || prog="$prog;s/require 'ip'/require 'standin_ip'/"
    [ $real_tls = yes ] || prog="$prog;s/require 'tls'/require 'standin_tls'/"
    sed "$prog" "$BENCH/emilua/$1.lua" >"$TMP/scripts/$1.lua"
    echo "$TMP/scripts/$1.lua"
}

expect "probe_net.lua" "tcp yes
tls yes" "$("$EMILUA" "$(script probe_net)" 2>&1)"
expect "tcp_echo.lua 50 x 100" "$(sum 50 100)" \
    "$("$EMILUA" "$(script tcp_echo)" 50 100 2>&1 || echo failed)"
expect "tcp_echo.lua 2 x 500" "$(sum 2 500)" \
    "$("$EMILUA" "$(script tcp_echo)" 2 500 2>&1 || echo failed)"

if [ $real_tcp = yes ]; then
    if start e_http "$EMILUA" "$BENCH/emilua/http_hello.lua"; then
        expect "http_hello.lua: pipelined, oversized head" same \
            "$(http_probe "$PORT")"
        stop "$SPID"
    else
        bad "http_hello.lua starts" "$(cat "$TMP/e_http.err")"
    fi
    soak "soak_client vs soak/echo_server.lua" PASS \
        "$EMILUA" "$BENCH/soak/echo_server.lua"
else
    out=$(MOCK_CLIENT=http timeout 20 "$EMILUA" "$(script http_hello)" 2>&1 | grep -v '^port ' || true)
    case $out in
        "http: "*" answered, oversized head closed: true")
            ok "http_hello.lua (stand-in client)" ;;
        *) bad "http_hello.lua (stand-in client)" "$out" ;;
    esac
    echo "skip soak/echo_server.lua and http_hello.lua on real sockets (no ip.tcp yet)"
fi

if s_server e_tls 2; then
    expect "tls_echo.lua 200 rounds" 200 "$("$EMILUA" "$(script tls_echo)" \
        "$PORT" "$(cat "$TMP/tls.crt")" 200 2>&1 || echo failed)"
    if [ $real_tls = yes ]; then
        if "$EMILUA" "$BENCH/emilua/tls_echo.lua" "$PORT" \
            "$(cat "$TMP/other.crt")" 10 >/dev/null 2>&1; then
            bad "tls_echo.lua refuses a server its CA did not sign"
        else
            ok "tls_echo.lua refuses a server its CA did not sign"
        fi
    fi
    stop "$SPID"
fi

echo "selftest: $passed passed, $failed failed"
[ $failed = 0 ]
