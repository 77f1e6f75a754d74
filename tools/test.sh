#!/bin/sh
# The whole test suite: a release build and an ASan+UBSan build, each
# running every test.  This is what .ci/run calls.
set -eu
cd "$(dirname "$0")/.."
sh tools/setup.sh
sh tools/build.sh build
meson test -C build --print-errorlogs --num-processes 2
sh tools/build.sh build-asan -Dbuildtype=debug -Db_sanitize=address,undefined \
    -Db_lundef=false
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C build-asan --print-errorlogs --num-processes 2
