#!/bin/sh
# Installs what the benchmark runners need beyond tools/setup.sh (which CI
# uses and which stays lean): wrk for the HTTP row, openssl for the TLS row
# and its certificate.  Debian 12; skips what is already there; root or sudo.
set -eu

packages="wrk openssl libuv1-dev libssl-dev pkg-config"

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
    echo "bench/setup.sh: need root (or sudo) to install:$missing" >&2
    exit 1
fi
echo "bench/setup.sh: installing$missing"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
