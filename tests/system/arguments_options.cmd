# Runtime options before the script are not part of system.arguments;
# everything after the script is, even what looks like an option.
"$EMILUA" --test arguments.lua --x
"$EMILUA" -- arguments.lua -- y
