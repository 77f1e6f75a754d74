# An unknown option: usage on stderr (nothing on stdout), exit 2, and the
# script does not run.
echo "stdout: [$("$EMILUA" --bogus fix/hello.lua 2>/dev/null)]"
"$EMILUA" --bogus fix/hello.lua
