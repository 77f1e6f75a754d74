# --help prints the usage and the options on stdout and exits 0.
out=$("$EMILUA" --help 2>/dev/null)
echo "exit status $?"
printf '%s\n' "$out" | head -n 1
for word in -h --help --version --test --main-context-concurrency-hint \
            EMILUA_PATH EMILUA_COLORS; do
    printf '%s\n' "$out" | grep -q -e "$word" && echo "mentions $word"
done
echo "stderr: [$("$EMILUA" --help 2>&1 >/dev/null)]"
