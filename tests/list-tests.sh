#!/bin/sh
# Lists the golden tests of a suite: every NAME.lua that has a NAME.out.
cd "$(dirname "$0")/$1" 2>/dev/null || exit 0
for f in *.out; do
    [ -e "$f" ] || continue
    n=${f%.out}
    [ -e "$n.lua" ] || [ -e "$n.cmd" ] && echo "$n"
done
exit 0
