# Actor benchmarks, sourced by run.sh (uses its helpers and variables).
# Floors: on one thread, the same request/reply between two fibers through
# the runtime's mutex and condition variables (emilua/fiber_handoff.lua);
# across two threads, two plain C threads with one libuv loop each and a
# locked queue woken by uv_async_send (floor/uv_pingpong.c).

# emilua_pair LABEL WORK UNIT MIN_RATIO E_CMD... -- F_CMD...: one row from
# two timed commands whose work is the same.
pair_row() {
    label=$1 work=$2 unit=$3 min_ratio=$4
    shift 4
    e_cmd= f_cmd= side=e
    for a in "$@"; do
        if [ "$a" = -- ]; then side=f; continue; fi
        if [ $side = e ]; then e_cmd="$e_cmd '$a'"; else f_cmd="$f_cmd '$a'"; fi
    done
    eval "timed a_e \"\$REPS\" \"\$TMP/a_e.out\" $e_cmd"
    if ! check a_e -; then
        row "$label" "$FAIL" - - ">= ${min_ratio}x" MISS
        return
    fi
    e_rate=$(rate "$work" "$T_MIN" "$E_START")
    eval "timed a_f \"\$REPS\" \"\$TMP/a_f.out\" $f_cmd"
    if ! check a_f -; then
        row "$label" "$(human "$e_rate") $unit" "$FAIL" - - -
        return
    fi
    f_rate=$(rate "$work" "$T_MIN" 0)
    r=$(calc "printf \"%.2f\", $e_rate / $f_rate")
    row "$label" "$(human "$e_rate") $unit" "$(human "$f_rate") $unit" \
        "${r}x" ">= ${min_ratio}x" "$(verdict "$r >= $min_ratio")"
}

if "$CC" -O2 -o "$TMP/uv_pingpong" "$BENCH/floor/uv_pingpong.c" \
        $(pkg-config --cflags --libs libuv) 2>"$TMP/uv_pingpong.err"; then
    RR1=200000 RR2=50000
    pair_row "actor req/reply, 1 thread" $RR1 rt/s 0.5 \
        env ACTOR_N=$RR1 "$EMILUA" "$BENCH/emilua/actor_rr.lua" -- \
        env ACTOR_N=$RR1 "$EMILUA" "$BENCH/emilua/fiber_handoff.lua"
    pair_row "actor req/reply, 2 threads" $RR2 rt/s 0.8 \
        env ACTOR_N=$RR2 ACTOR_THREADS=2 "$EMILUA" \
        "$BENCH/emilua/actor_rr.lua" -- "$TMP/uv_pingpong" $RR2
else
    row "actor req/reply" "n/a (no libuv headers for the C floor)" - - - -
fi

FAN=256000
for threads in 1 2; do
    timed fan$threads "$REPS" "$TMP/fan$threads.out" env ACTOR_N=$FAN \
        ACTOR_THREADS=$threads "$EMILUA" "$BENCH/emilua/actor_fan_in.lua"
    if check fan$threads $FAN; then
        row "fan-in 8 senders, $threads thread(s)" \
            "$(human "$(rate $FAN "$T_MIN" "$E_START")") msg/s" - - - -
    else
        row "fan-in 8 senders, $threads thread(s)" "$FAIL" - - - -
    fi
done

# Placement: the same 4 compute-bound actors on 1 then 2 threads of the
# main context; the ratio is the speed-up (2x at best on 2 idle cores).
timed spread1 "$REPS" "$TMP/spread1.out" env ACTOR_THREADS=1 "$EMILUA" \
    "$BENCH/emilua/actor_spread.lua"
if check spread1 true; then
    w1=$T_MIN
    timed spread2 "$REPS" "$TMP/spread2.out" env ACTOR_THREADS=2 "$EMILUA" \
        "$BENCH/emilua/actor_spread.lua"
    if check spread2 true; then
        row "4 busy actors, 2 threads vs 1" \
            "$(calc "printf \"%.2f s\", $T_MIN")" \
            "$(calc "printf \"%.2f s\", $w1") (1 thread)" \
            "$(ratio "$w1" "$T_MIN")" "> 1x" \
            "$(verdict "$w1 > $T_MIN")"
    else
        row "4 busy actors, 2 threads vs 1" "$FAIL" - - "> 1x" MISS
    fi
else
    row "4 busy actors, 1 thread" "$FAIL" - - "> 1x" MISS
fi
