echo "stdout: [$("$EMILUA" 2>/dev/null)]"
"$EMILUA" --test 2>/dev/null
echo "--test alone: exit status $?"
"$EMILUA"
