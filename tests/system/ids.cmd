# exit $? keeps the shell from exec'ing emilua: the shell stays its parent
PARENT=$$ "$EMILUA" ids.lua
exit $?
