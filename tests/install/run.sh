#!/bin/sh
# Installs into a temporary DESTDIR, builds the README's example program
# against the installed header and library through pkg-config, runs the
# installed CLI and loads the installed Lua module; then uninstalls and
# checks that nothing is left behind.
set -u
BUILD=${BUILD:-build}
MAKE=${MAKE:-make}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dest="$root/dest"
prefix=/usr/local
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }

$MAKE -s BUILD="$BUILD" install DESTDIR="$dest" PREFIX="$prefix" >"$root/install.log" 2>&1 \
  && ok "make install DESTDIR" || { not_ok "make install DESTDIR"; cat "$root/install.log"; }

for f in bin/precis include/precis.h lib/libprecis.a lib/libprecis.so lib/libprecis.so.0 \
         lib/pkgconfig/precis.pc share/man/man1/precis.1; do
  [ -e "$dest$prefix/$f" ] && ok "installed $f" || not_ok "installed $f"
done
soname=$(readelf -d "$dest$prefix/lib/libprecis.so" 2>/dev/null | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = "libprecis.so.0" ] && ok "soname is libprecis.so.0" || not_ok "soname ($soname)"

export PKG_CONFIG_PATH="$dest$prefix/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
if cc examples/summarize.c $(pkg-config --cflags --libs precis) -o "$root/summarize" 2>"$root/cc.log"; then
  ok "example builds with pkg-config"
  out=$(LD_LIBRARY_PATH="$dest$prefix/lib" "$root/summarize" samples/harbour-bridge.md)
  echo "$out" | grep -q '^line [0-9]*: ' && ok "example prints sentences with lines" \
    || { not_ok "example output"; echo "$out"; }
  LD_LIBRARY_PATH="$dest$prefix/lib" ldd "$root/summarize" | grep -q "$dest$prefix/lib/libprecis.so.0" \
    && ok "example uses the installed shared library" || not_ok "example links the installed library"
else
  not_ok "example builds with pkg-config"; cat "$root/cc.log"
fi
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

"$dest$prefix/bin/precis" -n 2 samples/harbour-bridge.md >"$root/cli.out" 2>&1 \
  && [ -s "$root/cli.out" ] && ok "installed CLI summarizes" || { not_ok "installed CLI"; cat "$root/cli.out"; }

if [ -f "$dest$prefix/lib/lua/5.4/precis.so" ]; then
  LUA_CPATH="$dest$prefix/lib/lua/5.4/?.so" lua5.4 -e '
    local p = require "precis"
    local f = assert(io.open("samples/harbour-bridge.md", "rb")); local t = f:read("a"); f:close()
    local r = assert(p.summarize(t, { sentences = 2 }))
    assert(#r.sentences == 2, "two sentences")' \
    && ok "installed Lua module loads and summarizes" || not_ok "installed Lua module"
else
  not_ok "Lua module installed into lib/lua/5.4"
fi

man -l "$dest$prefix/share/man/man1/precis.1" >/dev/null 2>&1 </dev/null \
  && ok "man page renders" || not_ok "man page renders"

$MAKE -s BUILD="$BUILD" uninstall DESTDIR="$dest" PREFIX="$prefix" >/dev/null 2>&1
left=$(find "$dest" -type f -o -type l | sed "s|^$dest||")
[ -z "$left" ] && ok "uninstall leaves no files" || { not_ok "uninstall left files"; echo "$left"; }

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
