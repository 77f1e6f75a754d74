# stdout and stderr are one pipe
"$EMILUA" order.lua 2>&1 | cat
