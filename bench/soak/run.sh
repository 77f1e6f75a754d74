#!/bin/sh
# Soak run (issue 8; not in CI, not in bench/run.sh): 10,000 concurrent
# connections to an echo server for 60 s, each doing verified random-length
# round trips, 10 % reconnecting every 10 s, 200 reset mid-message.  See
# bench/README.md ("Soak run") for what it checks.
#
#   bench/soak/run.sh [BUILD_DIR] [-- SOAK_CLIENT_OPTIONS...]
#   bench/soak/run.sh --c-server [-- SOAK_CLIENT_OPTIONS...]
#
# The first form loads BUILD_DIR/emilua (default: build) running
# bench/soak/echo_server.lua; the second the C echo server of the TCP echo
# floor (bench/floor/tcp_echo.c --serve), which checks the load generator
# itself.  Options after -- go to soak_client (bench/soak/soak_client.c),
# e.g. `-- -c 1000 -d 10 -w 3` for a short run.  Builds the C programs with
# `cc` and pkg-config's libuv into a temporary directory; raises `ulimit -n`
# for itself, the server and the generator; exits with the generator's
# status (0: every check passed).  Takes about 70 s.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=$(dirname "$HERE")
CC=${CC:-cc}
SERVER=emilua BUILD=build
while [ $# -gt 0 ]; do
    case $1 in
        --c-server) SERVER=c ;;
        --) shift; break ;;
        -*) echo "soak/run.sh: unknown option $1" >&2; exit 2 ;;
        *) BUILD=$1 ;;
    esac
    shift
done

# 10,000 connections on each side, plus the listener and the runtimes' own.
# (ulimit -n and -H are not POSIX, but dash and bash both have them.)
# shellcheck disable=SC3045
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
# shellcheck disable=SC3045
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 10100 ]; then
    echo "soak/run.sh: ulimit -n is $(ulimit -n); 10,000 connections need more" >&2
    exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/emilua-soak.XXXXXX")
SPID=
# running PID: is PID a live process (a zombie is not)?
running() {
    s=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" \
        2>/dev/null) || s=
    [ -n "$s" ] && [ "$s" != Z ]
}
# shellcheck disable=SC2317  # (called by the trap)
cleanup() {
    if [ -n "$SPID" ]; then
        # TERM, then KILL if it still runs 2 s later: a TERM that lands
        # between fork and exec is taken by our trap in the child and lost.
        kill "$SPID" 2>/dev/null || true
        i=0
        while running "$SPID" && [ "$i" -lt 40 ]; do
            sleep 0.05
            i=$((i + 1))
        done
        kill -KILL "$SPID" 2>/dev/null || true
        wait "$SPID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

LIBUV=$(pkg-config --cflags --libs libuv) || {
    echo "soak/run.sh: no libuv development files (bench/setup.sh)" >&2
    exit 2
}
# shellcheck disable=SC2086
"$CC" -O2 -o "$TMP/soak_client" "$HERE/soak_client.c" $LIBUV

if [ $SERVER = c ]; then
    # shellcheck disable=SC2086
    "$CC" -O2 -o "$TMP/tcp_echo" "$BENCH/floor/tcp_echo.c" $LIBUV
    server=$TMP/tcp_echo server_arg=--serve
    label="C echo server (bench/floor/tcp_echo.c)"
else
    server=$(cd "$BUILD" 2>/dev/null && pwd)/emilua || true
    if [ ! -x "$server" ]; then
        echo "soak/run.sh: no emilua binary in '$BUILD' (build it first)" >&2
        exit 2
    fi
    server_arg=$HERE/echo_server.lua
    label="emilua echo server ($server)"
fi

echo "server: $label"
: >"$TMP/server.out"
"$server" "$server_arg" >"$TMP/server.out" 2>"$TMP/server.err" </dev/null &
SPID=$!
port=
i=0
while [ $i -lt 100 ]; do
    alive=yes
    running "$SPID" || alive=no
    port=$(sed -n 's/^port \([0-9]*\)$/\1/p' "$TMP/server.out")
    if [ -n "$port" ] || [ $alive = no ]; then break; fi
    sleep 0.05
    i=$((i + 1))
done
if [ -z "$port" ]; then
    echo "soak/run.sh: the server did not start:" >&2
    head -c 1000 "$TMP/server.err" >&2
    exit 1
fi

status=0
timeout 300 "$TMP/soak_client" -p "$port" -P "$SPID" "$@" || status=$?
if ! running "$SPID"; then
    echo "the server died; its stderr:"
    head -c 2000 "$TMP/server.err"
    status=1
elif [ -s "$TMP/server.err" ]; then
    echo "server stderr:"
    head -c 2000 "$TMP/server.err"
fi
exit $status
