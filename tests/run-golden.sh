#!/bin/sh
# run-golden.sh EMILUA SUITE_DIR NAME
#
# Runs one golden test from inside SUITE_DIR, so paths in messages are
# short, with stdout and stderr captured together.  NAME.cmd, when present,
# is a shell snippet run instead of `$EMILUA NAME.lua` (it sees $EMILUA).
# A non-zero exit status is appended as "[exit N]".  Addresses (0x...) are
# renumbered in order of appearance, then the result is compared with
# NAME.out.
EMILUA=$1
dir=$2
name=$3
export EMILUA
cd "$dir" || exit 99
unset EMILUA_PATH
EMILUA_COLORS=0
export EMILUA_COLORS

actual=$(mktemp)
trap 'rm -f "$actual" "$actual.raw"' EXIT
if [ -e "$name.cmd" ]; then
    sh "./$name.cmd" </dev/null >"$actual.raw" 2>&1
else
    "$EMILUA" "$name.lua" </dev/null >"$actual.raw" 2>&1
fi
status=$?
# 77: the test found that it cannot run here (meson's "skipped").
[ "$status" -eq 77 ] && exit 77
[ "$status" -ne 0 ] && echo "[exit $status]" >>"$actual.raw"

awk '{
    out = ""
    while (match($0, /0x[0-9a-fA-F]+/)) {
        addr = substr($0, RSTART, RLENGTH)
        if (!(addr in seen)) seen[addr] = "0x" (++n)
        out = out substr($0, 1, RSTART - 1) seen[addr]
        $0 = substr($0, RSTART + RLENGTH)
    }
    print out $0
}' "$actual.raw" | sed "s|$dir|\$SUITE|g" >"$actual"

if ! diff -u "$name.out" "$actual"; then
    echo "golden test $name failed (expected: $name.out)" >&2
    exit 1
fi
exit 0
