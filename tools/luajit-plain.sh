#!/bin/sh
# tools/luajit-plain.sh [PREFIX]: puts Debian's plain LuaJIT (libluajit-5.1-dev,
# luajit) into PREFIX (default: build-deps/luajit-plain) without installing
# it: it conflicts with OpenResty's luajit2, the default.  Prints the meson
# options that build against it:
#
#   meson setup build-plain $(sh tools/luajit-plain.sh)
#
# PREFIX/lib/pkgconfig/luajit.pc points at the extracted files, and
# PREFIX/bin/luajit runs the extracted interpreter on the extracted library
# (it compiles the embedded Lua to bytecode).  emilua links the static
# library; with -Dstatic_deps=false it finds the shared one through
# the rpath meson gives it in the build tree.
set -eu
cd "$(dirname "$0")/.."
prefix=${1:-build-deps/luajit-plain}
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
root=$prefix/root
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null ||
            gcc -print-multiarch)

if [ ! -f "$prefix/.done" ]; then
    rm -rf "$root" "$prefix/debs"
    mkdir -p "$root" "$prefix/debs"
    packages="libluajit-5.1-2 libluajit-5.1-dev libluajit-5.1-common luajit"
    # apt-get download writes into the current directory.
    if ! (cd "$prefix/debs" && apt-get download -q $packages >/dev/null 2>&1)
    then
        # An empty package list (a fresh container): refresh it once.
        if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
        $sudo apt-get update -qq
        (cd "$prefix/debs" && apt-get download -q $packages >/dev/null)
    fi
    for deb in "$prefix"/debs/*.deb; do
        dpkg -x "$deb" "$root"
    done
    rm -rf "$prefix/debs"

    libdir=$root/usr/lib/$multiarch
    share=$(ls -d "$root"/usr/share/luajit-* | head -n 1)
    mkdir -p "$prefix/lib/pkgconfig" "$prefix/bin"
    sed "s|^prefix=.*|prefix=$root/usr|" "$libdir/pkgconfig/luajit.pc" \
        >"$prefix/lib/pkgconfig/luajit.pc"
    cat >"$prefix/bin/luajit" <<EOF
#!/bin/sh
# The extracted plain LuaJIT, on its own library and jit.* modules.
LD_LIBRARY_PATH="$libdir\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" \\
LUA_PATH="$share/?.lua;\${LUA_PATH:-;}" \\
    exec "$root/usr/bin/luajit" "\$@"
EOF
    chmod +x "$prefix/bin/luajit"
    touch "$prefix/.done"
fi

echo "-Dpkg_config_path=$prefix/lib/pkgconfig -Dluajit_program=$prefix/bin/luajit"
