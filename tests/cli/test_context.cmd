# --test sets _CONTEXT to "test" in the entry (not in other modules).
"$EMILUA" --test fix/context.lua
"$EMILUA" fix/context.lua
