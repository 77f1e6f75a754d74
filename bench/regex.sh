# Sourced by run.sh: regex search over a 100 MB log, emilua beside grep.
# emilua/regex.lua counts ERROR...timeout matches in stdin with one grammar;
# the floors are `grep -P -c` (for "ecma", PCRE on both sides) and
# `grep -E -c` (for "extended", POSIX ERE).  Every command reads the log
# file as its stdin.  Rates are MB/s; emilua's start-up is subtracted.

regex_row() {  # LABEL GRAMMAR GREP_FLAG PATTERN
    timed "e_regex_$2" "$REPS" "$TMP/e_regex_$2.out" \
        sh -c 'exec "$1" "$2" "$3" <"$4"' sh "$EMILUA" \
        "$BENCH/emilua/regex.lua" "$2" "$TMP/log.txt"
    if ! check "e_regex_$2" "$REGEX_COUNT"; then
        row "$1" "$FAIL" - - ">= 0.7x" MISS
        return
    fi
    e_mbs=$(calc "w = $T_MIN - $E_START; if (w < 1e-6) w = 1e-6; printf \"%.1f\", 100 / w")
    timed "f_regex_$2" "$REPS" "$TMP/f_regex_$2.out" \
        sh -c 'exec grep "$1" -c "$2" <"$3"' sh "$3" "$4" "$TMP/log.txt"
    check "f_regex_$2" "$REGEX_COUNT" || { row "$1" "$e_mbs MB/s" "$FAIL" - - -; return; }
    f_mbs=$(calc "printf \"%.1f\", 100 / $T_MIN")
    r=$(calc "printf \"%.2f\", $e_mbs / $f_mbs")
    row "$1" "$e_mbs MB/s" "$f_mbs MB/s (grep $3)" "${r}x" ">= 0.7x" \
        "$(verdict "$r >= 0.7")"
}

if "$EMILUA" "$BENCH/emilua/probe.lua" 2>/dev/null | grep -qx 'regex yes'; then
    "$LUAJIT" "$BENCH/regex_log.lua" >"$TMP/log.txt"
    REGEX_COUNT=$(grep -c 'ERROR.*timeout' "$TMP/log.txt")
    regex_row "regex search ecma, 100 MB log" ecma -P 'ERROR.*timeout'
    regex_row "regex search extended, 100 MB" extended -E 'ERROR.*timeout'
    rm -f "$TMP/log.txt"
else
    missing_row "regex search, 100 MB log" ">= 0.7x"
fi
