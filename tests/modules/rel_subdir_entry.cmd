# The entry in a subdirectory: './value' is rel/value.lua, and a file
# module at the root's level may import its sibling but not climb above.
"$EMILUA" rel/main.lua
