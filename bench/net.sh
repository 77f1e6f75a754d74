# The network rows of bench/run.sh (issue 8): TCP echo, HTTP "hello" under
# wrk, TLS echo beside `openssl s_server`.  Sourced by run.sh, whose helpers
# (timed, check, row, rate, human, calc, verdict) and variables (BENCH, TMP,
# EMILUA, REPS, CC, E_START, NOTES) it uses.  The C floors are built here
# from bench/floor/*.c into $TMP.  Install wrk and the libuv headers with
# bench/setup.sh.  Everything listens on 127.0.0.1 only; every server runs
# under `timeout` and is killed by PID, so none outlives the runner.

NET_CLIENTS=50 NET_ROUNDS=4000   # TCP echo: 200k round trips
TLS_ROUNDS=20000
WRK_SECONDS=5

"$EMILUA" "$BENCH/emilua/probe_net.lua" >"$TMP/probe_net.out" 2>/dev/null || true
net_available() { grep -qx "$1 yes" "$TMP/probe_net.out"; }

# net_build NAME PKG: builds floor/NAME.c against pkg-config package PKG.
net_build() {
    # shellcheck disable=SC2046
    "$CC" -O2 -o "$TMP/$1" "$BENCH/floor/$1.c" \
        $(pkg-config --cflags --libs "$2" 2>/dev/null) 2>"$TMP/$1.build.err"
}

# net_wait_line FILE PATTERN PID: waits (5 s at most) until FILE has a line
# matching the sed PATTERN, whose \1 it prints; fails when PID dies first.
net_wait_line() {
    i=0
    while [ $i -lt 100 ]; do
        alive=yes
        net_running "$3" || alive=no
        v=$(sed -n "s/$2/\\1/p" "$1" 2>/dev/null | head -n 1)
        if [ -n "$v" ]; then echo "$v"; return 0; fi
        [ $alive = yes ] || return 1
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# net_running PID: is PID a live process (a zombie is not)?
net_running() {
    s=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" \
        2>/dev/null) || s=
    [ -n "$s" ] && [ "$s" != Z ]
}

# net_stop PID: TERM, KILL if still running 2 s later, reap.  (A TERM that
# lands between fork and exec is taken by run.sh's trap in the child and
# lost.)
net_stop() {
    kill "$1" 2>/dev/null || true
    i=0
    while net_running "$1" && [ $i -lt 40 ]; do
        sleep 0.05
        i=$((i + 1))
    done
    kill -KILL "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# ---- TCP echo ---------------------------------------------------------------

label="TCP echo: 50 conns, 64 B rt"
tcp_target=">= 0.9x"
tcp_sum=$(calc "s = 0; for (c = 1; c <= $NET_CLIENTS; c++)
                for (r = 1; r <= $NET_ROUNDS; r++) s += (c + r) % 256;
                printf \"%d\", s")
tcp_work=$((NET_CLIENTS * NET_ROUNDS))
f_cell=- f_rate=
if net_build tcp_echo libuv; then
    timed f_tcp_echo "$REPS" "$TMP/f_tcp_echo.out" \
        "$TMP/tcp_echo" "$NET_CLIENTS" "$NET_ROUNDS"
    if check f_tcp_echo "$tcp_sum"; then
        f_rate=$(rate "$tcp_work" "$T_MIN" 0)
        f_cell="$(human "$f_rate") rt/s"
    else
        f_cell=$FAIL
    fi
else
    f_cell="n/a (no libuv-dev)"
fi
if net_available tcp; then
    timed e_tcp_echo "$REPS" "$TMP/e_tcp_echo.out" \
        "$EMILUA" "$BENCH/emilua/tcp_echo.lua" "$NET_CLIENTS" "$NET_ROUNDS"
    if check e_tcp_echo "$tcp_sum"; then
        e_rate=$(rate "$tcp_work" "$T_MIN" "$E_START")
        if [ -n "$f_rate" ]; then
            r=$(calc "printf \"%.2f\", $e_rate / $f_rate")
            row "$label" "$(human "$e_rate") rt/s" "$f_cell" "${r}x" \
                "$tcp_target" "$(verdict "$r >= 0.9")"
        else
            row "$label" "$(human "$e_rate") rt/s" "$f_cell" - "$tcp_target" -
        fi
    else
        row "$label" "$FAIL" "$f_cell" - "$tcp_target" MISS
    fi
else
    row "$label" "n/a (module missing)" "$f_cell" - "$tcp_target" -
fi

# ---- HTTP hello under wrk ---------------------------------------------------

# http_rps NAME CMD...: starts the server CMD (which prints "port N"), loads
# it with wrk and sets HTTP_RPS, or FAIL and a note.
http_rps() {
    h_name=$1
    shift
    HTTP_RPS=
    timeout $((WRK_SECONDS + 20)) "$@" >"$TMP/$h_name.port" \
        2>"$TMP/$h_name.err" </dev/null &
    h_pid=$!
    if ! h_port=$(net_wait_line "$TMP/$h_name.port" '^port \([0-9]*\)$' "$h_pid"); then
        net_stop "$h_pid"
        FAIL="failed (no server)"
        NOTES="$NOTES
$h_name: the server did not start; stderr: $(head -c 300 "$TMP/$h_name.err")"
        return 1
    fi
    wrk -t2 -c50 -d"${WRK_SECONDS}s" "http://127.0.0.1:$h_port/" \
        >"$TMP/$h_name.wrk" 2>&1 || true
    h_alive=yes
    net_running "$h_pid" || h_alive=no
    net_stop "$h_pid"
    h_rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$TMP/$h_name.wrk")
    if [ -z "$h_rps" ] || [ $h_alive = no ] ||
        grep -q -e '^ *Socket errors' -e '^ *Non-2xx' "$TMP/$h_name.wrk"; then
        FAIL="failed"
        [ $h_alive = no ] && FAIL="failed (server died)"
        NOTES="$NOTES
$h_name: $(tr '\n' ' ' <"$TMP/$h_name.wrk" | head -c 400); stderr: $(head -c 200 "$TMP/$h_name.err")"
        return 1
    fi
    HTTP_RPS=$h_rps
}

label="HTTP hello: wrk -t2 -c50 -d${WRK_SECONDS}s"
http_target=">= 0.9x"
if ! command -v wrk >/dev/null; then
    row "$label" "n/a (no wrk: bench/setup.sh)" - - "$http_target" -
else
    f_cell=- f_rps=
    if net_build http_hello libuv; then
        if http_rps f_http "$TMP/http_hello"; then
            f_rps=$HTTP_RPS f_cell="$(human "$f_rps") req/s"
        else
            f_cell=$FAIL
        fi
    else
        f_cell="n/a (no libuv-dev)"
    fi
    if ! net_available tcp; then
        row "$label" "n/a (module missing)" "$f_cell" - "$http_target" -
    elif http_rps e_http "$EMILUA" "$BENCH/emilua/http_hello.lua"; then
        if [ -n "$f_rps" ]; then
            r=$(calc "printf \"%.2f\", $HTTP_RPS / $f_rps")
            row "$label" "$(human "$HTTP_RPS") req/s" "$f_cell" "${r}x" \
                "$http_target" "$(verdict "$r >= 0.9")"
        else
            row "$label" "$(human "$HTTP_RPS") req/s" "$f_cell" - \
                "$http_target" -
        fi
    else
        row "$label" "$FAIL" "$f_cell" - "$http_target" MISS
    fi
fi

# ---- TLS echo beside openssl s_server -rev ----------------------------------

# tls_server NAME: starts `openssl s_server -rev` for REPS connections (one
# per timed run); sets t_pid, and t_port (empty when it did not start).
tls_server() {
    timeout 60 openssl s_server -accept 127.0.0.1:0 -cert "$TMP/tls.crt" \
        -key "$TMP/tls.key" -rev -naccept "$REPS" >"$TMP/$1.srv" 2>&1 </dev/null &
    t_pid=$!
    t_port=$(net_wait_line "$TMP/$1.srv" '^ACCEPT .*:\([0-9]*\)$' "$t_pid") ||
        t_port=
}

label="TLS echo: 1 conn, 64 B lines"
if ! command -v openssl >/dev/null; then
    row "$label" "n/a (no openssl command)" - - - -
elif ! openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
        -nodes -keyout "$TMP/tls.key" -out "$TMP/tls.crt" -days 1 \
        -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        >"$TMP/tls.gen.err" 2>&1; then
    row "$label" "failed (certificate)" - - - -
    NOTES="$NOTES
tls: openssl req failed: $(head -c 300 "$TMP/tls.gen.err")"
else
    f_cell=- f_rate=
    if net_build tls_echo openssl; then
        tls_server f_tls
        if [ -n "$t_port" ]; then
            timed f_tls "$REPS" "$TMP/f_tls.out" \
                "$TMP/tls_echo" "$t_port" "$TMP/tls.crt" "$TLS_ROUNDS"
            if check f_tls "$TLS_ROUNDS"; then
                f_rate=$(rate "$TLS_ROUNDS" "$T_MIN" 0)
                f_cell="$(human "$f_rate") rt/s"
            else
                f_cell=$FAIL
            fi
        else
            f_cell="failed (no s_server)"
        fi
        net_stop "$t_pid"
    else
        f_cell="n/a (no libssl-dev)"
    fi
    if net_available tls; then
        tls_server e_tls
        if [ -n "$t_port" ]; then
            timed e_tls "$REPS" "$TMP/e_tls.out" "$EMILUA" \
                "$BENCH/emilua/tls_echo.lua" "$t_port" "$(cat "$TMP/tls.crt")" \
                "$TLS_ROUNDS"
            if check e_tls "$TLS_ROUNDS"; then
                e_rate=$(rate "$TLS_ROUNDS" "$T_MIN" "$E_START")
                row "$label" "$(human "$e_rate") rt/s" "$f_cell" \
                    "$(ratio "$e_rate" "${f_rate:-0}")" - -
            else
                row "$label" "$FAIL" "$f_cell" - - -
            fi
        else
            row "$label" "failed (no s_server)" "$f_cell" - - -
        fi
        net_stop "$t_pid"
    else
        row "$label" "n/a (module missing)" "$f_cell" - - -
    fi
fi
