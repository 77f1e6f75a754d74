# The shell reports a child killed by a signal on its stderr ("Aborted"):
# an inner shell whose stderr is dropped keeps that out of the output.
# No core file either.
ulimit -c 0
sh -c '"$EMILUA" exit_abort.lua; exit $?' 2>/dev/null
