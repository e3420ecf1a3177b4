#!/usr/bin/env bash
# `npm run prebuild`: cross-compiles the addon for Windows x64 with mingw-w64 and for Windows on
# Arm64 with Zig, on Linux, and puts them where node-gyp-build looks:
# prebuilds/win32-{x64,arm64}/windows-mobile-broadband.node (the names prebuildify gives them, so
# MSVC prebuilds from CI land in the same place). Node-API 8: one binary for every Node and
# Electron version. Each file is checked: its machine, its napi_register_module_v1 export, and
# that it imports nothing from node.exe (inspect-pe.cjs).
#
# WMBB_PREBUILD_ARCHS="x64 arm64" (default) picks the targets; the Wine lane builds x64 only.
# Zig comes from npm into .cache/zig on first use (install-zig.sh), never as a dependency.
#
# WMBB_TEST_COMPONENT=1 also builds the Wine test component and its control addon (in
# build/mingw/native/test-component; never copied to prebuilds/).
#
# cmake-js drives both builds, as on Windows: package.json's "binary.napi_versions" makes it take
# the Node-API headers from node-api-headers (no download of Node's headers, which a machine
# that reaches only the npm registry could not make), and --CD passes the toolchain file.
# Off Windows it adds no node.lib and no delay-load hook: the CMakeLists makes those itself.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD="$ROOT/build/mingw"
cd "$ROOT"

WMBB_NEED_WINE=0 bash native/scripts/install-cross-toolchain.sh
[ -d node_modules/node-addon-api ] && [ -d node_modules/node-api-headers ] || {
  echo "prebuild: node_modules lacks node-addon-api/node-api-headers: run npm ci" >&2
  exit 1
}

COMPONENT=OFF
[ "${WMBB_TEST_COMPONENT:-0}" = 1 ] && COMPONENT=ON
# The configure log sits beside the build folder; on a fresh clone neither exists yet.
mkdir -p "$BUILD"
# usage: cmake_js <configure|build> <build folder> [--CD…]: the project's own cmake-js, always
# with Unix Makefiles (the generator of a build folder never changes under it).
cmake_js() {
  node node_modules/cmake-js/bin/cmake-js "$1" -O "$2" -G "Unix Makefiles" -p "$(nproc)" "${@:3}"
}
cmake_js configure "$BUILD" --CDCMAKE_TOOLCHAIN_FILE="$ROOT/native/cmake/mingw-w64-x86_64.cmake" \
  --CDCMAKE_BUILD_TYPE=Release --CDWMBB_TEST_COMPONENT="$COMPONENT" >"$BUILD.configure.log" 2>&1 ||
  { cat "$BUILD.configure.log"; exit 1; }
# The whole log is kept; errors and warnings are shown. (A `build | grep || true` pipeline under
# pipefail would report success for a failed build whose errors grep had printed.)
if ! cmake_js build "$BUILD" >"$BUILD.build.log" 2>&1; then
  grep -E "error:|Error [0-9]" "$BUILD.build.log" | head -20
  echo "prebuild: the build failed ($BUILD.build.log)" >&2
  exit 1
fi
grep -E "warning:" "$BUILD.build.log" | head -20 || true

# Each file is checked before it ships (check-pe.cjs: machine, exports, imports), then copied.
ship() { # <built file> <arch> <addon|component> <shipped name>
  node native/scripts/check-pe.cjs "$1" "$2" "$3" || exit 1
  mkdir -p "prebuilds/win32-$2"
  cp "$1" "prebuilds/win32-$2/$4"
  echo "prebuild: prebuilds/win32-$2/$4 ($(stat -c %s "$1") bytes)"
}
ship "$BUILD/windows-mobile-broadband.node" x64 addon windows-mobile-broadband.node
ship "$BUILD/wmbb-operator-task.dll" x64 component wmbb-operator-task.dll

case " ${WMBB_PREBUILD_ARCHS:-x64 arm64} " in
  *" arm64 "*)
    WMBB_ZIG=$(bash native/scripts/install-zig.sh) || exit 1
    export WMBB_ZIG
    ARM64="$ROOT/build/arm64"
    mkdir -p "$ARM64"
    cmake_js configure "$ARM64" --CDCMAKE_TOOLCHAIN_FILE="$ROOT/native/cmake/zig-aarch64-windows.cmake" \
      --CDCMAKE_BUILD_TYPE=Release >"$ARM64.configure.log" 2>&1 || { cat "$ARM64.configure.log"; exit 1; }
    # The first build also compiles libc++ for the target (about a minute), then Zig caches it.
    cmake_js build "$ARM64" >"$ARM64.build.log" 2>&1 ||
      { grep -E "error" "$ARM64.build.log" | head -20; echo "prebuild: the arm64 build failed ($ARM64.build.log)" >&2; exit 1; }
    ship "$ARM64/windows-mobile-broadband.node" arm64 addon windows-mobile-broadband.node
    ship "$ARM64/wmbb-operator-task.dll" arm64 component wmbb-operator-task.dll
    ;;
esac
