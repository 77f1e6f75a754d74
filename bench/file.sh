# Sourced by bench/run.sh: the file module's figures.
# Sequential read of a 1 GiB file through file.stream into a 64 KiB
# byte_span, beside `cat FILE > /dev/null` and a C loop of read(2) into a
# 64 KiB buffer (the floor).  The file is read once first, so all three
# read from the page cache.

if available file; then
    big=$TMP/file_1g
    head -c 1073741824 /dev/zero >"$big"
    cat "$big" >/dev/null
    "$CC" -O2 -o "$TMP/file_read" "$BENCH/file_read.c"
    export EMILUA_BENCH_FILE="$big"
    timed e_file_read "$REPS" "$TMP/e_file_read.out" "$EMILUA" \
        "$BENCH/emilua/file_read.lua"
    if check e_file_read 1073741824; then
        e_bps=$(rate 1073741824 "$T_MIN" "$E_START")
        timed f_file_read "$REPS" "$TMP/f_file_read.out" \
            "$TMP/file_read" "$big"
        check f_file_read 1073741824 || true
        f_bps=$(rate 1073741824 "$T_MIN" 0)
        timed cat_file_read "$REPS" /dev/null sh -c 'cat "$1" >/dev/null' \
            sh "$big"
        c_bps=$(rate 1073741824 "$T_MIN" 0)
        r=$(calc "printf \"%.2f\", $e_bps / $f_bps")
        row "file.stream read, 1 GiB/64 KiB" "$(human "$e_bps")B/s" \
            "$(human "$f_bps")B/s (C)" "${r}x" ">= 0.7x" \
            "$(verdict "$r >= 0.7")"
        row "  (cat FILE > /dev/null)" "-" "$(human "$c_bps")B/s" \
            "$(ratio "$e_bps" "$c_bps")" - -
    else
        row "file.stream read, 1 GiB/64 KiB" "$FAIL" - - ">= 0.7x" MISS
    fi
    rm -f "$big"
    unset EMILUA_BENCH_FILE
else
    missing_row "file.stream read, 1 GiB/64 KiB" ">= 0.7x"
fi
