#!/bin/sh
# extract-c-block.sh DOC OUT
#
# Writes the first ```c block after the "## Worked example" heading of DOC
# to OUT, so the example in the documentation is the code that is tested.
awk '
    /^## Worked example/ { inside_section = 1; next }
    inside_section && !in_block && /^```c$/ { in_block = 1; found = 1; next }
    in_block && /^```$/ { exit }
    in_block { print }
    END { if (!found) exit 1 }
' "$1" >"$2"
