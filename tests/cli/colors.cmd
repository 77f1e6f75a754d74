# EMILUA_COLORS=1 colours the panic header (ANSI red bold); 0 does not.
# cat -v makes the escape bytes visible.
out=$(EMILUA_COLORS=1 "$EMILUA" fix/panic.lua 2>&1)
echo "exit status $?"
printf '%s\n' "$out" | cat -v
esc=$(printf '\033')
out=$(EMILUA_COLORS=0 "$EMILUA" fix/panic.lua 2>&1)
echo "EMILUA_COLORS=0: $(printf '%s\n' "$out" | grep -c "$esc") lines with escapes"
