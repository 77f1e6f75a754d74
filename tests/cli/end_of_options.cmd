# '--' ends the options; what follows the script is the script's.
"$EMILUA" -- fix/hello.lua
"$EMILUA" --test -- fix/context.lua
"$EMILUA" fix/hello.lua --bogus --version
