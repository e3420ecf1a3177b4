#!/usr/bin/env bash
# Installs the package as users get it, from the tarballs `npm pack` and `npm run pack:platforms`
# make (after `npm run prebuild`), into scratch projects, and checks what lands:
#
#   - off Windows: no Windows binary at all, the whole install (dependencies included) at most
#     5 MB, and the package and its bin work;
#   - as on Windows x64: the x64 platform package, with `os` win32 and `cpu` x64, the addon and
#     the operator-task component, and the loader picks that addon.
#
# Until the packages are published, the registry has no platform package to resolve, so the
# Windows-like install names the platform tarball beside the main one, with --force (npm's
# --os/--cpu overrides apply to dependencies it resolves, not to a tarball named on the command
# line); off Windows npm skips the optional dependencies it cannot install, as it will skip them
# by `os` and `cpu` once they are published. That selection by `os` and `cpu` is npm's own.
#
#   bash scripts/check-install.sh        (CI runs it; prints the install size)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$ROOT"
fail() {
  echo "check-install: $*" >&2
  exit 1
}

npm pack --silent --pack-destination "$work" >/dev/null
node scripts/pack-platforms.cjs --pack-destination "$work" >/dev/null
main=$(ls "$work"/windows-mobile-broadband-[0-9]*.tgz)
x64=$(ls "$work"/windows-mobile-broadband-win32-x64-*.tgz)

scratch() {
  mkdir -p "$work/$1"
  (cd "$work/$1" && npm init -y >/dev/null)
}

# Off Windows.
scratch linux
(cd "$work/linux" && npm install --no-audit --no-fund --loglevel=error "$main" >/dev/null)
binaries=$(find "$work/linux/node_modules" -name '*.node' -o -name '*.dll')
[ -z "$binaries" ] || fail "an install off Windows carries Windows binaries: $binaries"
bytes=$(du -sb "$work/linux/node_modules" | cut -f1)
limit=5000000
echo "install off Windows: $bytes bytes in node_modules (at most $limit); the package itself: $(du -sb "$work/linux/node_modules/windows-mobile-broadband" | cut -f1)"
[ "$bytes" -le "$limit" ] || fail "the install off Windows is $bytes bytes, over $limit"
(cd "$work/linux" && node -e "require('windows-mobile-broadband').createFakeBackend" >/dev/null &&
  npx --no-install wmbb --version >/dev/null) || fail "the installed package or its bin does not run"

# As on Windows x64.
scratch win32
(cd "$work/win32" && npm install --no-audit --no-fund --loglevel=error --force "$main" "$x64" >/dev/null 2>&1)
platform="$work/win32/node_modules/windows-mobile-broadband-win32-x64"
node -e '
  const m = require(process.argv[1]);
  if (JSON.stringify([m.os, m.cpu]) !== JSON.stringify([["win32"], ["x64"]])) process.exit(1);' \
  "$platform/package.json" || fail "the x64 platform package does not say os win32, cpu x64"
for file in windows-mobile-broadband.node wmbb-operator-task.dll; do
  [ -f "$platform/prebuilds/win32-x64/$file" ] || fail "the x64 platform package lacks prebuilds/win32-x64/$file"
done
# The loader, told it runs on win32-x64, resolves the platform package and tries its addon (a
# Windows file, which Linux cannot load: the error names it).
(cd "$work/win32" && npm_config_platform=win32 npm_config_arch=x64 node -e '
  Object.defineProperty(process, "platform", { value: "win32" });
  const { createNativeBackend } = require("windows-mobile-broadband");
  const wanted = require("path").join("windows-mobile-broadband-win32-x64", "prebuilds", "win32-x64", "windows-mobile-broadband.node");
  createNativeBackend().then(
    () => { console.error("createNativeBackend loaded a Windows addon on Linux?"); process.exit(1); },
    (error) => {
      if (error.code === "ERR_NATIVE_LOAD" && error.message.includes(wanted)) process.exit(0);
      console.error(error); process.exit(1);
    });') ||
  fail "the loader did not pick the platform package's addon"
echo "install as on Windows x64: the platform package's addon and component, picked by the loader"
