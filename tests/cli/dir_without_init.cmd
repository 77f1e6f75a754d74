# A directory runs as an APPDIR; without init.lua there is nothing to run.
"$EMILUA" fix/noinit
