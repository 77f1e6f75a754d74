# -h is --help; neither runs a script given after it.
[ "$("$EMILUA" -h)" = "$("$EMILUA" --help)" ] && echo "-h is --help"
"$EMILUA" -h fix/hello.lua | grep -c '^hello$'
"$EMILUA" -h >/dev/null
echo "exit status $?"
