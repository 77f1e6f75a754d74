"$EMILUA" exit_pending_wait.lua
echo "exit $?"
