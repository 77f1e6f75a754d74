#!/bin/sh
# tools/gen-types.sh EMILUA [INVENTORY]: regenerates types/ (the ---@meta
# definitions for the Lua language server, doc/editors.md) from what the
# runtime EMILUA exposes and the signatures of the API inventory.  Run it
# when a module lands; tests/types checks that nobody forgot.  INVENTORY
# defaults to the shared spec beside the checkout.
set -eu
emilua=$1
inventory=${2:-../shared/spec/api-inventory.md}
cd "$(dirname "$0")/.."
modules=$(sh tools/types/modules.sh)
walk=$(mktemp)
trap 'rm -f "$walk"' EXIT
# shellcheck disable=SC2086
"$emilua" tools/types/walk.lua $modules >"$walk"
rm -rf types
mkdir types
awk -v out=types -f tools/types/gen.awk "$inventory" "$walk"
echo "types/: $(ls types | wc -l) files, $(wc -l <"$walk") names"
