# A subprocess actor's module is a file the new process opens, so this
# example runs from its file (not from a bundle, whose modules live in the
# bundling process only).
"$EMILUA" sandbox.lua
