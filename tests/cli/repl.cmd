# The interactive prompt, typed into through a terminal that tmux makes:
# expressions and =expr, a fiber printing between prompts, a suspending
# line, Ctrl-C canceling it, an error, a line cut short, Ctrl-C dropping
# a half-typed line, require relative to the current directory, Ctrl-D;
# then system.exit() from a fiber while the prompt waits.
command -v tmux >/dev/null 2>&1 || exit 77
dir=$(mktemp -d)
trap 'tmux -S "$dir/sock" kill-server 2>/dev/null; rm -rf "$dir"' EXIT
t() { tmux -S "$dir/sock" "$@"; }
# the screen, tabs and runs of blanks as one space
screen() { t capture-pane -p -t $sess | sed 's/[[:space:]][[:space:]]*/ /g'; }
# waits (up to 10 s) for the screen to show a line equal to $1
wait_line() {
    i=0
    while ! screen | grep -qxF -- "$1"; do
        i=$((i + 1))
        if [ $i -gt 200 ]; then
            echo "timed out waiting for: $1"
            t capture-pane -p -t $sess
            exit 1
        fi
        sleep 0.05
    done
}
# types a line once the prompt is back (typed ahead, the terminal would
# echo it itself, in cooked mode, before the prompt redraws it)
type_line() {
    i=0
    while :; do
        last=$(screen | awk 'NF { l = $0 } END { print l }')
        [ "$last" = ">" ] || [ "$last" = ">>" ] && break
        i=$((i + 1))
        if [ $i -gt 200 ]; then
            echo "timed out waiting for a prompt to type: $1"
            screen
            exit 1
        fi
        sleep 0.05
    done
    t send-keys -t $sess -l -- "$1"
    t send-keys -t $sess Enter
}

cd fix/repl || exit 1
sess=r
t new-session -d -s $sess -x 80 -y 40 \
    "EMILUA_COLORS=0 '$EMILUA'; echo \"[exit \$?]\"; sleep 60"
wait_line '>'
type_line 'x = 20 + 1'
type_line 'x * 2'
wait_line '42'
type_line '=x, "two"'
wait_line '21 two'
type_line 'time = require "time"'
type_line 'spawn(function() time.sleep(0.2) print("fiber done") end)'
type_line 'time.sleep(0.5) print("slept")'
wait_line 'slept'
type_line 'print("sleeping") time.sleep(1000)'
wait_line 'sleeping'
t send-keys -t $sess C-c
wait_line 'error: Fiber canceled'
type_line 'error({}) -- a table'
type_line 'error("oops")'
wait_line 'error: oops'
type_line 'for i = 1, 2 do'
type_line 'print("loop", i)'
type_line 'end'
wait_line 'loop 2'
t send-keys -t $sess -l 'half typed'
wait_line '> half typed'
t send-keys -t $sess C-c
wait_line '>'
type_line 'g = require "./greeting"'
type_line 'g.text'
wait_line 'hello from greeting.lua'
t send-keys -t $sess C-d
wait_line '[exit 0]'
screen | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'

# A fiber ends the process while the prompt waits: the terminal is left
# as it was and the status is the fiber's.
t new-session -d -s exiting -x 80 -y 10 \
    "EMILUA_COLORS=0 '$EMILUA'; echo \"[exit \$?]\"; sleep 60"
t kill-session -t r
sess=exiting
wait_line '>'
type_line 'system, time = require "system", require "time"'
type_line 'f = spawn(function() time.sleep(0.2) system.exit(4) end)'
wait_line '> [exit 4]'
echo "exit from a fiber: ok"
