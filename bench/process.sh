# Sourced by bench/run.sh: system.spawn's figures.
# 2,000 spawn+wait of /bin/true beside a C posix_spawn+waitpid loop.

if available spawn; then
    "$CC" -O2 -o "$TMP/spawn_true" "$BENCH/spawn_true.c"
    timed e_spawn_true "$REPS" "$TMP/e_spawn_true.out" "$EMILUA" \
        "$BENCH/emilua/spawn_true.lua"
    if check e_spawn_true 2000; then
        e_sps=$(rate 2000 "$T_MIN" "$E_START")
        timed f_spawn_true0 "$REPS" /dev/null "$TMP/spawn_true" 0
        c_start=$T_MEDIAN
        timed f_spawn_true "$REPS" "$TMP/f_spawn_true.out" "$TMP/spawn_true"
        check f_spawn_true 2000 || true
        f_sps=$(rate 2000 "$T_MIN" "$c_start")
        r=$(calc "printf \"%.2f\", $e_sps / $f_sps")
        row "spawn+wait /bin/true, 2k" "$(human "$e_sps") spawn/s" \
            "$(human "$f_sps") spawn/s (C)" "${r}x" ">= 0.8x" \
            "$(verdict "$r >= 0.8")"
    else
        row "spawn+wait /bin/true, 2k" "$FAIL" - - ">= 0.8x" MISS
    fi
else
    missing_row "spawn+wait /bin/true, 2k" ">= 0.8x"
fi
