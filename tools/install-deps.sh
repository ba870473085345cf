#!/bin/sh
# Installs what precis needs to build and test on Debian 12 (run as root,
# or with sudo available). Safe to run again.
set -e
PACKAGES="build-essential pkg-config libutf8proc-dev libcjson-dev liblua5.4-dev lua5.4
libluajit-5.1-dev luajit liblua5.2-dev lua5.2 neovim vim-nox lua-busted lua-check clang
libclang-rt-14-dev valgrind ots parallel tmux man-db"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
