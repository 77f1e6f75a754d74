"$EMILUA" --version
echo "exit status $?"
echo "stderr: [$("$EMILUA" --version 2>&1 >/dev/null)]"
