#!/bin/sh
# check.sh MESON BUILD_DIR SOURCE_DIR: `meson install --destdir` puts the
# binary, the man page, every page of doc/ and the type definitions of
# types/ in place, the installed
# binary runs, and `man -l` renders the page without a troff warning.
meson=$1
build=$2
src=$3
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
fail() { echo "install: $*" >&2; exit 1; }

"$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet \
    >"$dest.log" 2>&1 || { cat "$dest.log"; rm -f "$dest.log"; exit 1; }
rm -f "$dest.log"

one() {   # the one installed file whose path ends with $1
    found=$(find "$dest" -path "*/$1" -type f)
    [ -n "$found" ] || fail "nothing installed as */$1"
    [ "$(echo "$found" | wc -l)" -eq 1 ] || fail "more than one */$1"
    echo "$found"
}

bin=$(one bin/emilua)
[ -x "$bin" ] || fail "$bin is not executable"
out=$(echo 'print("installed", _CONTEXT)' | "$bin" -) || fail "$bin fails"
[ "$out" = "installed	main" ] || fail "installed binary printed: $out"

for page in "$src"/doc/*.md; do
    one "share/doc/emilua/$(basename "$page")" >/dev/null
done

for def in "$src"/types/*.lua; do
    one "share/emilua/types/$(basename "$def")" >/dev/null
done

man=$(one share/man/man1/emilua.1)
grep -q '@[A-Z_]*@' "$man" && fail "unsubstituted @VAR@ in the man page"
command -v man >/dev/null 2>&1 || exit 77
rendered=$(MANWIDTH=80 man --warnings -l "$man" 2>"$dest/warnings") ||
    fail "man -l failed"
[ -s "$dest/warnings" ] && { cat "$dest/warnings"; fail "troff warnings"; }
for section in NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT \
               "EXIT STATUS" FILES EXAMPLES; do
    echo "$rendered" | grep -qx "$section" || fail "no $section section"
done
for word in --help --version --test EMILUA_PATH EMILUA_COLORS \
            "share/doc/emilua"; do
    echo "$rendered" | grep -qF -- "$word" || fail "the page misses $word"
done
echo "installed: $bin, $man and $(ls "$(dirname "$(one share/doc/emilua/cli.md)")" | wc -l) doc pages"
