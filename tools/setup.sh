#!/bin/sh
# Installs what building and testing emilua needs on Debian 12, skipping
# what is already there.  Safe to run any number of times.
set -eu

packages="build-essential meson ninja-build pkg-config libluajit2-5.1-dev
luajit2 libuv1-dev libssl-dev libcap-dev libseccomp-dev libpcre2-dev
libedit-dev openssl tmux"

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "setup.sh: need root (or sudo) to install:$missing" >&2
    exit 1
fi
echo "setup.sh: installing$missing"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
