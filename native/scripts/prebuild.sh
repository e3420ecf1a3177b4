#!/usr/bin/env bash
# `npm run prebuild`: cross-compiles the addon for Windows x64 with mingw-w64 on Linux and puts
# it where node-gyp-build looks: prebuilds/win32-x64/windows-mobile-broadband.node (the name
# prebuildify gives it, so MSVC prebuilds from CI land in the same place). Node-API 8: one
# binary for every Node and Electron version.
#
# WMBB_TEST_COMPONENT=1 also builds the Wine test component and its control addon (in
# build/mingw/native/test-component; never copied to prebuilds/).
#
# Why plain cmake rather than cmake-js: without a "binary.napi_versions" field in package.json
# cmake-js downloads Node's full headers, which a machine that reaches only the npm registry
# cannot; the CMakeLists takes Node-API headers from node_modules instead. On Windows,
# `npx cmake-js compile` (or prebuildify + binding.gyp) works as usual.
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
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_TOOLCHAIN_FILE="$ROOT/native/cmake/mingw-w64-x86_64.cmake" \
  -DCMAKE_BUILD_TYPE=Release -DWMBB_TEST_COMPONENT="$COMPONENT" >"$BUILD.configure.log" 2>&1 ||
  { cat "$BUILD.configure.log"; exit 1; }
cmake --build "$BUILD" -j "$(nproc)" 2>&1 | grep -E "error:|warning:|Error [0-9]" || true
[ "${PIPESTATUS[0]}" = 0 ] || { echo "prebuild: the build failed" >&2; exit 1; }

ADDON="$BUILD/windows-mobile-broadband.node"
[ -f "$ADDON" ] || { echo "prebuild: $ADDON was not built" >&2; exit 1; }

# The addon must load in any host executable (node.exe, electron.exe, MyApp.exe): Node-API is
# delay-imported from "node.exe" and resolved against the host (delay-load-hook.cpp). A plain
# import of node.exe here would break Electron.
IMPORTS=$(x86_64-w64-mingw32-objdump -p "$ADDON" | grep "DLL Name" | awk '{print $3}' | tr '\n' ' ')
case " $IMPORTS " in
  *" node.exe "*) echo "prebuild: the addon imports node.exe directly (must be delay-loaded): $IMPORTS" >&2; exit 1 ;;
esac

mkdir -p prebuilds/win32-x64
cp "$ADDON" prebuilds/win32-x64/windows-mobile-broadband.node
echo "prebuild: prebuilds/win32-x64/windows-mobile-broadband.node ($(stat -c %s "$ADDON") bytes; imports: $IMPORTS)"

# The operator task component runs in backgroundtaskhost.exe, where there is no node.exe at all:
# it must import nothing but what every Windows has (docs/native.md, "The operator task component").
TASK="$BUILD/wmbb-operator-task.dll"
[ -f "$TASK" ] || { echo "prebuild: $TASK was not built" >&2; exit 1; }
TASK_IMPORTS=$(x86_64-w64-mingw32-objdump -p "$TASK" | grep "DLL Name" | awk '{print $3}' | tr '\n' ' ')
for dll in $TASK_IMPORTS; do
  case "$(echo "$dll" | tr '[:upper:]' '[:lower:]')" in
    kernel32.dll | msvcrt.dll | ole32.dll | oleaut32.dll | api-ms-win-core-winrt-*) ;;
    *) echo "prebuild: wmbb-operator-task.dll imports $dll (allowed: KERNEL32, msvcrt, ole32, oleaut32, combase API sets)" >&2; exit 1 ;;
  esac
done
cp "$TASK" prebuilds/win32-x64/wmbb-operator-task.dll
echo "prebuild: prebuilds/win32-x64/wmbb-operator-task.dll ($(stat -c %s "$TASK") bytes; imports: $TASK_IMPORTS)"
