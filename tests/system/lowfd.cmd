# fd 3 is inherited (a file with known contents), fd 4 is not.
"$EMILUA" lowfd.lua 3<lowfd.txt
