"$EMILUA" gc_reaper.lua
echo "exit $?"
