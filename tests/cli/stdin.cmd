# '-' runs the program read from stdin, as the module "stdin": its
# arguments follow it, require is relative to the current directory, and
# errors name the chunk "stdin".  With no script at all and stdin not a
# terminal, the same happens.
cd fix/stdin || exit 1
printf '%s\n' 'local system = require "system"' \
    'print("args", system.arguments[2], system.arguments[3], system.arguments[4])' \
    'print("helper", require("./helper").name)' \
    'print("context", _CONTEXT)' | "$EMILUA" - a b
echo "exit $?"
echo 'print("no script")' | "$EMILUA"
echo "exit $?"
echo 'print("test") print(_CONTEXT)' | "$EMILUA" --test
echo "exit $?"
printf 'print("line 1")\nerror("line 2")\n' | "$EMILUA" -
echo "exit $?"
echo 'print(' | "$EMILUA" -
echo "exit $?"
"$EMILUA" - </dev/null
echo "empty: exit $?"
# usage errors stay exit status 2, stdin or not
echo 'print("never")' | "$EMILUA" --bogus 2>/dev/null
echo "usage error: exit $?"
