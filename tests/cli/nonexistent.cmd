# A script that cannot be opened: one line naming it, exit 1.
"$EMILUA" fix/hello.lua/x.lua
echo "exit status $?"
"$EMILUA" no_such_script.lua
