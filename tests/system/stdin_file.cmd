"$EMILUA" stdin_file.lua <lowfd.txt
