# Bad hints are usage errors: exit 2, and the script does not run.
for v in 0 -1 abc 1x '' unsafe; do
    "$EMILUA" --main-context-concurrency-hint "$v" fix/hello.lua \
        >/dev/null 2>&1
    echo "hint '$v': exit status $?"
done
"$EMILUA" fix/hello.lua --main-context-concurrency-hint 0
"$EMILUA" --main-context-concurrency-hint 2>/dev/null
echo "no value: exit status $?"
"$EMILUA" --main-context-concurrency-hint zero fix/hello.lua
