#!/usr/bin/env bash
# Installs what the mingw cross build (and the Wine lane) needs, only if something is missing:
# mingw-w64 g++ (posix threads), Wine 8 and widl-stable (wine64-tools), cmake and make.
# Debian 12 packages; needs root (or sudo) the first time. Prints what it did.
set -euo pipefail

have_all() {
  command -v x86_64-w64-mingw32-g++-posix >/dev/null &&
    command -v x86_64-w64-mingw32-dlltool >/dev/null &&
    command -v widl-stable >/dev/null &&
    [ -f /usr/include/wine/wine/windows/windows.foundation.idl ] &&
    command -v cmake >/dev/null &&
    command -v make >/dev/null &&
    { [ "${WMBB_NEED_WINE:-1}" = 0 ] || { command -v wine >/dev/null && command -v wineserver >/dev/null; }; }
}

if have_all; then
  echo "toolchain: present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "toolchain: missing packages and not root (no sudo)" >&2; exit 1; }
  SUDO=sudo
fi
echo "toolchain: installing Debian packages (about 1-2 minutes)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  g++-mingw-w64-x86-64-posix mingw-w64-tools wine64 wine wine64-tools cmake make >/dev/null
have_all || { echo "toolchain: still incomplete after apt-get install" >&2; exit 1; }
echo "toolchain: installed"
