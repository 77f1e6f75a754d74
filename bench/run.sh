#!/bin/sh
# Benchmark runner: prints, for each workload, the emilua figure, a floor
# measured in the same run, their ratio (emilua/floor) and the target.
#
#   bench/run.sh [BUILD_DIR]      (default: build)
#
# Uses BUILD_DIR/emilua and the system `luajit` (override: LUAJIT=...);
# builds nothing but the tiny bench/timeit.c helper (with `cc`, into a
# temporary directory).  BENCH_REPS=N (default 3) sets how many times each
# timed command runs; the best (lowest) wall time is kept.  See
# bench/README.md for what each figure means.
set -eu

BENCH=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-build}
EMILUA=$(cd "$BUILD" 2>/dev/null && pwd)/emilua || true
LUAJIT=${LUAJIT:-luajit}
REPS=${BENCH_REPS:-3}
CC=${CC:-cc}

if [ ! -x "$EMILUA" ]; then
    echo "run.sh: no emilua binary in '$BUILD' (build it first)" >&2
    exit 2
fi
command -v "$LUAJIT" >/dev/null || { echo "run.sh: no $LUAJIT" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/emilua-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
"$CC" -O2 -o "$TMP/timeit" "$BENCH/timeit.c"
export LUA_PATH="$BENCH/floor/?.lua;;"

# ---- measuring ------------------------------------------------------------

# timed NAME REPS STDOUT_FILE CMD...: runs CMD under timeit; sets
# T_MIN T_MEDIAN T_MEAN T_RSS (KiB) T_STATUS and leaves CMD's stdout in
# STDOUT_FILE (when it is a regular file) and stderr in $TMP/NAME.err.
timed() {
    t_name=$1 t_reps=$2 t_out=$3
    shift 3
    "$TMP/timeit" -n "$t_reps" -o "$TMP/$t_name.res" -- "$@" \
        >"$t_out" 2>"$TMP/$t_name.err" </dev/null || true
    res=$(cat "$TMP/$t_name.res" 2>/dev/null || echo "status=126")
    T_MIN=$(field min "$res")
    T_MEAN=$(field mean "$res")
    T_MEDIAN=$(field median "$res")
    T_RSS=$(field max_rss_kb "$res")
    T_STATUS=$(field status "$res")
}

field() {
    for kv in $2; do
        case $kv in "$1="*) echo "${kv#*=}"; return ;; esac
    done
    echo 0
}

# check NAME EXPECTED: did the runs of NAME succeed, each printing the
# line EXPECTED?  (EXPECTED "-" skips the output check.)
check() {
    if [ "$T_STATUS" != 0 ]; then
        FAIL="failed (exit $T_STATUS)"
        NOTES="$NOTES
$1: exit status $T_STATUS; stderr: $(head -c 300 "$TMP/$1.err")"
        return 1
    fi
    if [ "$2" != - ] && [ "$(sort -u "$TMP/$1.out")" != "$2" ]; then
        FAIL="failed (wrong output)"
        NOTES="$NOTES
$1: expected '$2', got '$(head -c 100 "$TMP/$1.out")'"
        return 1
    fi
    return 0
}

calc() { awk "BEGIN { $1 }"; }

# rate WORK WALL STARTUP: work per second once start-up is taken off.
rate() {
    calc "w = $2 - $3; if (w < 1e-6) w = 1e-6; printf \"%.6g\", $1 / w"
}

# human NUMBER: 1234567 -> 1.23M
human() {
    calc "v = $1; s = \"\";
          if (v >= 1e9) { v /= 1e9; s = \"G\" } else if (v >= 1e6) { v /= 1e6; s = \"M\" } else if (v >= 1e3) { v /= 1e3; s = \"k\" }
          printf \"%.3g%s\", v, s"
}

ratio() { calc "if ($2 > 0) printf \"%.2fx\", $1 / $2; else print \"-\""; }

# ---- the table --------------------------------------------------------------

ROWS=$TMP/rows
: >"$ROWS"
NOTES=
row() {  # LABEL EMILUA FLOOR RATIO TARGET VERDICT
    printf '%-31s %-20s %-20s %-7s %-10s %s\n' "$@" >>"$ROWS"
}
verdict() { calc "print ($1) ? \"ok\" : \"MISS\""; }

# rate_row LABEL NAME UNIT WORK_E WORK_F MIN_RATIO EXPECT_E EXPECT_F
# (NAME runs as emilua/NAME.lua vs floor/NAME.lua, REPS times each)
rate_row() {
    label=$1 name=$2 unit=$3 work_e=$4 work_f=$5 min_ratio=$6
    timed "e_$name" "$REPS" "$TMP/e_$name.out" "$EMILUA" "$BENCH/emilua/$name.lua"
    if ! check "e_$name" "$7"; then
        if [ "$min_ratio" = - ]; then target=-; else target=">= ${min_ratio}x"; fi
        row "$label" "$FAIL" - - "$target" MISS
        return
    fi
    e_rate=$(rate "$work_e" "$T_MIN" "$E_START")
    timed "f_$name" "$REPS" "$TMP/f_$name.out" "$LUAJIT" "$BENCH/floor/$name.lua"
    if ! check "f_$name" "$8"; then
        row "$label" "$(human "$e_rate") $unit" "$FAIL" - - -
        return
    fi
    f_rate=$(rate "$work_f" "$T_MIN" "$L_START")
    r=$(calc "printf \"%.2f\", $e_rate / $f_rate")
    if [ "$min_ratio" = - ]; then
        target=- v=-
    else
        target=">= ${min_ratio}x" v=$(verdict "$r >= $min_ratio")
    fi
    row "$label" "$(human "$e_rate") $unit" "$(human "$f_rate") $unit" \
        "${r}x" "$target" "$v"
}

available() { grep -qx "$1 yes" "$TMP/probe.out"; }
missing_row() { row "$1" "n/a (module missing)" - - "$2" -; }

HEADER="emilua benchmarks: $EMILUA vs $("$LUAJIT" -v | cut -d" " -f1-2), best of $REPS runs"
echo "running (well under 3 minutes)..." >&2

# 4. start-up (first: the other rates subtract it)
timed e_hello 200 "$TMP/e_hello.out" "$EMILUA" "$BENCH/emilua/hello.lua"
check e_hello hello || true
E_START=$T_MEDIAN E_MEAN=$T_MEAN E_OK=$T_STATUS
timed f_hello 200 "$TMP/f_hello.out" "$LUAJIT" "$BENCH/floor/hello.lua"
L_START=$T_MEDIAN L_MEAN=$T_MEAN
if [ "$E_OK" = 0 ]; then
    row "start-up: hello.lua (median/200)" \
        "$(calc "printf \"%.2f ms (mean %.2f)\", $E_START * 1000, $E_MEAN * 1000")" \
        "$(calc "printf \"%.2f ms (mean %.2f)\", $L_START * 1000, $L_MEAN * 1000")" \
        "$(ratio "$E_START" "$L_START")" "<= 1.1x" \
        "$(verdict "$E_START <= 1.1 * $L_START")"
else
    row "start-up: hello.lua (median/200)" "$FAIL" - - "<= 1.1x" MISS
    E_START=0
fi

"$EMILUA" "$BENCH/emilua/probe.lua" >"$TMP/probe.out" 2>/dev/null || true

# 1. spawn + join
rate_row "spawn(f):join(), 5x100k" spawn_join fib/s 500000 500000 1 \
    500000 500000
rate_row "spawn 100k then join all, x3" spawn_all fib/s 300000 300000 1 \
    300000 300000

# 2. yield switches
rate_row "yield ping-pong, 10M switches" yield sw/s 10000000 10000000 1 \
    10000000 10000000

# 3. 100k sleepers (wall time includes the 0.5 s sleep).  Their peak RSS
# is judged against 100k suspended plain coroutines (floor/coroutines.lua);
# the sched.lua sleeper's RSS is shown too.
timed e_sleep "$REPS" "$TMP/e_sleep.out" "$EMILUA" "$BENCH/emilua/sleep.lua"
if check e_sleep 100000; then
    e_wall=$T_MIN e_rss=$T_RSS
    timed f_sleep "$REPS" "$TMP/f_sleep.out" "$LUAJIT" "$BENCH/floor/sleep.lua"
    check f_sleep 100000 || T_MIN=0 T_RSS=0
    f_rss=$T_RSS
    row "100k x sleep(0.5): wall" "$(calc "printf \"%.3f s\", $e_wall")" \
        "$(calc "printf \"%.3f s\", $T_MIN")" "$(ratio "$e_wall" "$T_MIN")" - -
    row "100k x sleep(0.5): peak RSS" \
        "$(calc "printf \"%.1f MiB\", $e_rss / 1024")" \
        "$(calc "printf \"%.1f MiB\", $f_rss / 1024")" \
        "$(ratio "$e_rss" "$f_rss")" - -
    timed f_coroutines "$REPS" "$TMP/f_coroutines.out" "$LUAJIT" \
        "$BENCH/floor/coroutines.lua"
    check f_coroutines 100000 || T_RSS=0
    row "  vs 100k suspended coroutines" \
        "$(calc "printf \"%.1f MiB\", $e_rss / 1024")" \
        "$(calc "printf \"%.1f MiB\", $T_RSS / 1024")" \
        "$(ratio "$e_rss" "$T_RSS")" "<= 1.25x" \
        "$(verdict "$T_RSS > 0 && $e_rss <= 1.25 * $T_RSS")"
else
    row "100k x sleep(0.5)" "$FAIL" - - "<= 1.25x" MISS
fi

# ---- issue 3: optional modules ---------------------------------------------

if available mutex; then
    rate_row "mutex ping-pong, 2M hand-offs" mutex hoff/s 2000000 2000000 \
        1 2000000 2000000
else
    missing_row "mutex ping-pong" ">= 1x"
fi

if available condvar; then
    rate_row "condvar prod/cons, 1M items" condvar item/s 1000000 1000000 \
        1 500000500000 500000500000
else
    missing_row "condvar producer/consumer" ">= 1x"
fi

if available write_all; then
    GIB=1073741824
    timed e_write_all 5 /dev/null "$EMILUA" "$BENCH/emilua/write_all.lua"
    if check e_write_all -; then
        e_bps=$(rate "$GIB" "$T_MIN" "$E_START")
        timed dd0 5 /dev/null dd if=/dev/zero of=/dev/null bs=64k count=0
        dd_start=$T_MEDIAN
        timed dd 5 /dev/null dd if=/dev/zero of=/dev/null bs=64k count=16384
        f_bps=$(rate "$GIB" "$T_MIN" "$dd_start")
        row "write_all 1 GiB -> /dev/null" \
            "$(calc "printf \"%.0f MB/s\", $e_bps / 1e6")" \
            "$(calc "printf \"%.0f MB/s\", $f_bps / 1e6") (dd)" \
            "$(ratio "$e_bps" "$f_bps")" ">= 1 GB/s" \
            "$(verdict "$e_bps >= 1e9")"
    else
        row "write_all 1 GiB -> /dev/null" "$FAIL" - - ">= 1 GB/s" MISS
    fi
else
    missing_row "write_all 1 GiB -> /dev/null" ">= 1 GB/s"
fi

if available scanner; then
    # 1 562 500 lines of 64 bytes = 100 000 000 bytes.
    LINES=1562500
    yes 'the quick brown fox jumps over the lazy dog 0123456789 abcdefgh' |
        head -n $LINES >"$TMP/lines.txt"
    timed e_scanner "$REPS" "$TMP/e_scanner.out" \
        sh -c 'cat "$1" | "$2" "$3"' sh "$TMP/lines.txt" "$EMILUA" \
        "$BENCH/emilua/scanner.lua"
    if check e_scanner $LINES; then
        e_lps=$(rate $LINES "$T_MIN" "$E_START")
        timed f_scanner "$REPS" "$TMP/f_scanner.out" \
            sh -c 'cat "$1" | "$2" "$3"' sh "$TMP/lines.txt" "$LUAJIT" \
            "$BENCH/floor/scanner.lua"
        check f_scanner $LINES || true
        f_lps=$(rate $LINES "$T_MIN" "$L_START")
        r=$(calc "printf \"%.2f\", $e_lps / $f_lps")
        row "scanner:get_line, 100 MB pipe" "$(human "$e_lps") line/s" \
            "$(human "$f_lps") line/s" "${r}x" ">= 0.5x" \
            "$(verdict "$r >= 0.5")"
    else
        row "scanner:get_line, 100 MB pipe" "$FAIL" - - ">= 0.5x" MISS
    fi
    rm -f "$TMP/lines.txt"
else
    missing_row "scanner:get_line, 100 MB pipe" ">= 0.5x"
fi

if available byte_span; then
    # emilua: 3M set+get pairs; floor (JIT-compiled ffi): 100M pairs
    rate_row "byte_span set+get_u32le" byte_span op/s 6000000 200000000 - \
        4500001500000 5000000050000000
else
    missing_row "byte_span set+get_u32le" -
fi

# ---- issue 10: filesystem (bench/fs.sh) --------------------------------------

. "$BENCH/fs.sh"

# ---- issue 9: local IPC (bench/ipc.sh) ---------------------------------------

. "$BENCH/ipc.sh"

# ---- issue 10: file (bench/file.sh) -----------------------------------------

. "$BENCH/file.sh"

# ---- issue 8: network ------------------------------------------------------
. "$BENCH/net.sh"

# ---- issue 10: regex ---------------------------------------------------------
. "$BENCH/regex.sh"

# ---- issue 11: actors -------------------------------------------------------
. "$BENCH/actors.sh"

# ---- issue 12: subprocess actors (bench/sandbox.sh) -------------------------
. "$BENCH/sandbox.sh"

# ---- issue 13: processes (bench/process.sh) ----------------------------------

. "$BENCH/process.sh"

# ---- issue 11: actors -------------------------------------------------------
. "$BENCH/actors.sh"

# ---- print ----------------------------------------------------------------

echo "$HEADER"
load=$(cut -d" " -f1 /proc/loadavg 2>/dev/null || echo 0)
ncpu=$(nproc 2>/dev/null || echo 1)
if [ "$(calc "print ($load > $ncpu) ? 1 : 0")" = 1 ]; then
    echo "warning: load average $load on $ncpu CPUs: figures are noisy"
fi
printf '%-31s %-20s %-20s %-7s %-10s %s\n' \
    workload emilua floor ratio target ""
printf "%s\n" "-------------------------------------------------------------------------------------------------"
cat "$ROWS"
echo
echo "start-up subtracted from rates: emilua $(calc "printf \"%.2f\", $E_START * 1000") ms," \
     "luajit $(calc "printf \"%.2f\", $L_START * 1000") ms"
if [ -n "$NOTES" ]; then
    echo "notes:$NOTES"
fi
