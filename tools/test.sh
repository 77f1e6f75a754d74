#!/bin/sh
# The whole test suite: a release build and an ASan+UBSan build on the
# default LuaJIT (OpenResty's), and a release build on Debian's plain LuaJIT
# (extracted by tools/luajit-plain.sh, not installed), each running every
# test, then the actor tests in a ThreadSanitizer build.  This is what
# .ci/run calls.  Ends with one line "tests: N passed, N failed" summing
# all the runs.
set -eu
cd "$(dirname "$0")/.."
sh tools/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
sh tools/build.sh build
meson test -C build --print-errorlogs --num-processes 2 | tee -a "$log" ||
    status=1
sh tools/build.sh build-asan -Dbuildtype=debug \
    -Db_sanitize=address,undefined -Db_lundef=false
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C build-asan --print-errorlogs --num-processes 2 |
    tee -a "$log" || status=1
# shellcheck disable=SC2046
sh tools/build.sh build-plain $(sh tools/luajit-plain.sh)
meson test -C build-plain --print-errorlogs --num-processes 2 |
    tee -a "$log" || status=1

# The actors' thread safety: their tests and the ring stress test under
# ThreadSanitizer (a report makes the test fail).
sh tools/build.sh build-tsan -Dbuildtype=debug -Db_sanitize=thread \
    -Db_lundef=false
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    meson test -C build-tsan --print-errorlogs --num-processes 2 \
    --suite actors --suite stress | tee -a "$log" || status=1

passed=$(awk '/^Ok:/ {n += $2} END {print n + 0}' "$log")
failed=$(awk '/^(Fail|Unexpected Pass|Timeout):/ {n += $NF} END {print n + 0}' "$log")
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
