# cat ends once the last writer (the child, after its trap) is gone
"$EMILUA" pdeathsig.lua 2>&1 | cat
