"$EMILUA" actors_supervisor.lua
