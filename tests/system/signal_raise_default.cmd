# The shell reports a child killed by a signal on its stderr: an inner
# shell whose stderr is dropped keeps that out of the output.
sh -c '"$EMILUA" signal_raise_default.lua; exit $?' 2>/dev/null
