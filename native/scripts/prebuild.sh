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

# The addon must load in any host executable (node.exe, electron.exe, MyApp.exe): Node-API is
# delay-imported from "node.exe" (x64) or reached through thunks (arm64), and resolved against the
# host. A plain import of node.exe would break Electron.
check_and_ship() { # <built file> <arch>
  local built=$1 arch=$2
  [ -f "$built" ] || { echo "prebuild: $built was not built" >&2; exit 1; }
  node native/scripts/inspect-pe.cjs "$built" >"$built.pe.json" || exit 1
  node -e '
    const [file, arch] = process.argv.slice(1);
    const pe = JSON.parse(require("fs").readFileSync(file + ".pe.json", "utf8"));
    const problems = [];
    if (pe.machine !== arch) problems.push(`machine ${pe.machine}, expected ${arch}`);
    if (!pe.exports.includes("napi_register_module_v1")) problems.push("no napi_register_module_v1 export");
    const dlls = pe.imports.map((i) => i.dll.toLowerCase());
    if (dlls.includes("node.exe")) problems.push("imports node.exe directly (must go through the host)");
    if (problems.length) { console.error(`prebuild: ${file}: ${problems.join("; ")}`); process.exit(1); }
    console.log(`prebuild: ${arch}: ${pe.machine}, exports napi_register_module_v1, imports ${dlls.join(" ")}`);
  ' "$built" "$arch" || exit 1
  mkdir -p "prebuilds/win32-$arch"
  cp "$built" "prebuilds/win32-$arch/windows-mobile-broadband.node"
  echo "prebuild: prebuilds/win32-$arch/windows-mobile-broadband.node ($(stat -c %s "$built") bytes)"
}
check_and_ship "$BUILD/windows-mobile-broadband.node" x64

# The operator task component runs in backgroundtaskhost.exe, where there is no node.exe at all:
# it must import nothing but what every Windows has (docs/native.md, "The operator task component").
ship_component() { # <built file> <arch>
  local built=$1 arch=$2
  [ -f "$built" ] || { echo "prebuild: $built was not built" >&2; exit 1; }
  node native/scripts/inspect-pe.cjs "$built" >"$built.pe.json" || exit 1
  node -e '
    const [file, arch] = process.argv.slice(1);
    const pe = JSON.parse(require("fs").readFileSync(file + ".pe.json", "utf8"));
    const problems = [];
    if (pe.machine !== arch) problems.push(`machine ${pe.machine}, expected ${arch}`);
    for (const name of ["DllGetActivationFactory", "DllCanUnloadNow"]) {
      if (!pe.exports.includes(name)) problems.push(`no ${name} export`);
    }
    const allowed = /^(kernel32|msvcrt|ole32|oleaut32)\.dll$|^api-ms-win-(core-winrt|crt)-/;
    const dlls = [...pe.imports, ...pe.delayImports].map((i) => i.dll.toLowerCase());
    const others = dlls.filter((dll) => !allowed.test(dll));
    if (others.length) problems.push(`imports ${others.join(", ")} (allowed: KERNEL32, msvcrt or the UCRT, ole32, oleaut32, the WinRT API sets)`);
    if (problems.length) { console.error(`prebuild: ${file}: ${problems.join("; ")}`); process.exit(1); }
  ' "$built" "$arch" || exit 1
  mkdir -p "prebuilds/win32-$arch"
  cp "$built" "prebuilds/win32-$arch/wmbb-operator-task.dll"
  echo "prebuild: prebuilds/win32-$arch/wmbb-operator-task.dll ($(stat -c %s "$built") bytes)"
}
ship_component "$BUILD/wmbb-operator-task.dll" x64

case " ${WMBB_PREBUILD_ARCHS:-x64 arm64} " in
  *" arm64 "*)
    WMBB_ZIG=$(bash native/scripts/install-zig.sh) || exit 1
    export WMBB_ZIG
    ARM64="$ROOT/build/arm64"
    mkdir -p "$ARM64"
    cmake -S "$ROOT" -B "$ARM64" -DCMAKE_TOOLCHAIN_FILE="$ROOT/native/cmake/zig-aarch64-windows.cmake" \
      -DCMAKE_BUILD_TYPE=Release >"$ARM64.configure.log" 2>&1 || { cat "$ARM64.configure.log"; exit 1; }
    # The first build also compiles libc++ for the target (about a minute), then Zig caches it.
    cmake --build "$ARM64" -j "$(nproc)" >"$ARM64.build.log" 2>&1 ||
      { grep -E "error" "$ARM64.build.log" | head -20; echo "prebuild: the arm64 build failed ($ARM64.build.log)" >&2; exit 1; }
    check_and_ship "$ARM64/windows-mobile-broadband.node" arm64
    ship_component "$ARM64/wmbb-operator-task.dll" arm64
    ;;
esac
