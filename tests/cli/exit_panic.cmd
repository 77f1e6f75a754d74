# A main fiber that panics makes the process exit 1; other fibers stop.
"$EMILUA" fix/panic.lua 2>/dev/null
echo "exit status $?"
"$EMILUA" fix/panic_other_fibers.lua
