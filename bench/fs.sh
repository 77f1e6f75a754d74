# Sourced by bench/run.sh: the filesystem module's figures.
# 1M filesystem.status calls beside a C loop of stat(2) (the floor).

if available filesystem; then
    "$CC" -O2 -o "$TMP/fs_stat" "$BENCH/fs_stat.c"
    timed e_fs_status "$REPS" "$TMP/e_fs_status.out" "$EMILUA" \
        "$BENCH/emilua/fs_status.lua"
    if check e_fs_status 1000000; then
        e_cps=$(rate 1000000 "$T_MIN" "$E_START")
        timed f_fs_status0 "$REPS" /dev/null "$TMP/fs_stat" 0
        c_start=$T_MEDIAN
        timed f_fs_status "$REPS" "$TMP/f_fs_status.out" "$TMP/fs_stat"
        check f_fs_status 1000000 || true
        f_cps=$(rate 1000000 "$T_MIN" "$c_start")
        r=$(calc "printf \"%.2f\", $e_cps / $f_cps")
        row "filesystem.status, 1M calls" "$(human "$e_cps") call/s" \
            "$(human "$f_cps") call/s (C)" "${r}x" ">= 0.7x" \
            "$(verdict "$r >= 0.7")"
    else
        row "filesystem.status, 1M calls" "$FAIL" - - ">= 0.7x" MISS
    fi
else
    missing_row "filesystem.status, 1M calls" ">= 0.7x"
fi
