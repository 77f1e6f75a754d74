# Run from its file: the expected output names the file in an error
# message and a traceback (from a bundle they say bundle:/init.lua).
"$EMILUA" actors_supervisor.lua
