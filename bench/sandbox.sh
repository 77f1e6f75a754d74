# Subprocess actor benchmarks, sourced by run.sh after actors.sh (uses
# pair_row).  Spawn-to-first-reply against fork()+exit+waitpid() in C
# (targets: under 4 ms plain, under 30 ms with every namespace, i.e. at
# least 250 and 33 spawns/s); round trips over one channel against a C
# ping-pong of the same message size over a seqpacket pair (>= 0.5x).
SP_N=200 SP_NS=50 SP_RR=50000
if "$CC" -O2 -o "$TMP/fork_wait" "$BENCH/floor/fork_wait.c" &&
   "$CC" -O2 -o "$TMP/seqpacket_pingpong" \
        "$BENCH/floor/seqpacket_pingpong.c"; then
    pair_row "subprocess spawn+reply" $SP_N spawn/s 0.0 \
        env SANDBOX_N=$SP_N "$EMILUA" "$BENCH/emilua/sandbox_spawn.lua" -- \
        "$TMP/fork_wait" $SP_N
    if check a_e -; then
        row "  (target: < 4 ms each)" \
            "$(calc "printf \"%.2f\", 1000 * ($T_MIN - $E_START) / $SP_N") ms" \
            - - "< 4 ms" \
            "$(verdict "1000 * ($T_MIN - $E_START) / $SP_N < 4")"
    fi
    timed sp_ns "$REPS" "$TMP/sp_ns.out" env SANDBOX_N=$SP_NS SANDBOX_NS=all \
        "$EMILUA" "$BENCH/emilua/sandbox_spawn.lua"
    if check sp_ns $SP_NS; then
        ms=$(calc "printf \"%.2f\", 1000 * ($T_MIN - $E_START) / $SP_NS")
        row "spawn+reply, all namespaces" "$ms ms" - - "< 30 ms" \
            "$(verdict "$ms < 30")"
    else
        row "spawn+reply, all namespaces" "$FAIL" - - "< 30 ms" MISS
    fi
    pair_row "subprocess round trips" $SP_RR rt/s 0.5 \
        env SANDBOX_N=$SP_RR "$EMILUA" "$BENCH/emilua/sandbox_rr.lua" -- \
        "$TMP/seqpacket_pingpong" $SP_RR
else
    row "subprocess actors" "n/a (no C compiler for the floors)" - - - -
fi
