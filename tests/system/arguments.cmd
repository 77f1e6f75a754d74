"$EMILUA" arguments.lua one "two words" ''
