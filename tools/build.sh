#!/bin/sh
# tools/build.sh [BUILD_DIR [MESON_OPTIONS...]]: configures BUILD_DIR
# (default: build) the first time, then builds it.
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build}
[ $# -gt 0 ] && shift
if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
else
    meson setup "$dir" "$@" >/dev/null
fi
ninja -C "$dir"
