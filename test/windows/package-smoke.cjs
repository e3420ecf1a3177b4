// Loads the built package (dist/) the way a user's app does, in Windows' node.exe under Wine
// (or a copy of it named MyApp.exe, as Electron apps are): connect() picks the native backend,
// node-gyp-build finds prebuilds/win32-x64/, and eSIM calls run against whatever is registered.
//
//   node package-smoke.cjs unregistered   no eSIM class: connect() works, eSIM calls say why not
//   node package-smoke.cjs registered     the test component: list() sees its eSIM, and once
//                                         closed nothing keeps the event loop busy
//   node package-smoke.cjs real-windows   real Windows (GitHub Actions): eSIM calls answer or
//                                         fail with a typed error, never crash
//
// Options (after the mode):
//   --sta          the main thread is made a single-threaded apartment first (Electron's main
//                  process after `ready`), through the test-only control addon
//                  (WMBB_TEST_CONTROL_ADDON); everything must complete all the same
//   --worker-only  everything runs in a worker thread; the main thread never loads the addon,
//                  so the worker's exit is what Node would unload it on (the module is pinned)
//   --host-copy    the check runs again under a copy of this node.exe named MyApp.exe (an
//                  Electron-style host: Node-API must resolve against the running executable)
'use strict';
/* global require, process, __dirname, __filename, console, AbortSignal, setImmediate */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by Windows' node.exe */
const assert = require('node:assert/strict');
const path = require('node:path');

const { Worker, isMainThread, workerData } = require('node:worker_threads');

const args = isMainThread ? process.argv.slice(2) : workerData.args;
const mode = args[0];
const options = new Set(args.slice(1));
const known = new Set(['--sta', '--worker-only', '--host-copy']);
for (const option of options) {
  if (!known.has(option))
    throw new Error(`unknown option ${option} (known: ${[...known].join(' ')})`);
}
const root = path.join(__dirname, '..', '..');
const host = path.basename(process.execPath);
const where = [host, ...options].join(' ');

/** Every list() has a deadline: a Windows that never answers fails the check, never hangs it. */
const deadline = () => ({ signal: AbortSignal.timeout(60_000) });

async function main() {
  assert.equal(process.env.WMBB_NATIVE_ADDON, undefined, 'this check must load the prebuild');
  if (options.has('--host-copy') && host !== 'MyApp.exe') {
    runUnderHostCopy();
    return;
  }
  if (options.has('--sta') && isMainThread) {
    assert.equal(require(process.env.WMBB_TEST_CONTROL_ADDON).makeSta(), 'sta');
  }
  if (options.has('--worker-only') && isMainThread) {
    await runInWorker();
    return;
  }
  // Loaded here, not at the top: with --worker-only the main thread never loads the package.
  const { connect, MobileBroadbandError } = require(path.join(root, 'dist', 'index.js'));
  const mbb = await connect();
  assert.equal(mbb.backendName, 'native');
  if (mode === 'unregistered') {
    for (const call of [() => mbb.esim.serviceInfo(), () => mbb.esim.list()]) {
      await assert.rejects(call(), (error) => {
        assert.ok(error instanceof MobileBroadbandError);
        assert.equal(error.code, 'ERR_CLASS_NOT_REGISTERED', error.message);
        assert.equal(error.hresult, 0x80040154);
        return true;
      });
    }
  } else if (mode === 'registered') {
    const control = require(process.env.WMBB_TEST_CONTROL_ADDON);
    control.reset();
    control.putEsim(
      {
        eid: '89049032123451234512345678901235',
        firmwareVersion: '1',
        modemDeviceId: 'm',
        state: 1,
      },
      false,
    );
    const list = await mbb.esim.list(deadline());
    assert.deepEqual(
      list.map((esim) => esim.eid),
      ['89049032123451234512345678901235'],
    );
    const info = await mbb.esim.serviceInfo();
    assert.equal(typeof info.isEsimUiEnabled, 'boolean');
    const watcher = mbb.esim.watch();
    await new Promise((resolve) => watcher.on('enumerationCompleted', resolve));
    await mbb.close();
    assert.ok(control.waitIdle(10000));
    assert.equal(control.liveObjects(), 0, 'component objects alive after close()');
  } else if (mode === 'real-windows') {
    const typed = [
      'ERR_NOT_AUTHORIZED',
      'ERR_CLASS_NOT_REGISTERED',
      'ERR_PACKAGE_IDENTITY_REQUIRED',
    ];
    for (const [name, call] of [
      ['serviceInfo', () => mbb.esim.serviceInfo()],
      ['list', () => mbb.esim.list(deadline())],
    ]) {
      try {
        console.log(`${name}:`, JSON.stringify(await call()));
      } catch (error) {
        assert.ok(error instanceof MobileBroadbandError, String(error));
        assert.ok(typed.includes(error.code) || error.code === 'ERR_WINDOWS', error.message);
        console.log(`${name}: ${error.code}: ${error.message}`);
      }
    }
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await mbb.close();
  // Idle means idle: no timer, handle or request of the package is left. One turn first: an
  // Immediate Node itself queued while closing (seen once) is gone after it, a leak is not.
  await new Promise((resolve) => setImmediate(resolve));
  const left = process
    .getActiveResourcesInfo()
    .filter(
      (r) => r !== 'TTYWrap' && r !== 'FSReqCallback' && (isMainThread || r !== 'MessagePort'),
    );
  assert.deepEqual(left, [], `resources left after close(): ${left.join(', ')}`);
  if (isMainThread) console.log(`package-smoke ${mode}: ok (${where})`);
}

/** Copies node.exe to MyApp.exe and runs this check under it; its output is the verdict. */
function runUnderHostCopy() {
  const fs = require('node:fs');
  const os = require('node:os');
  const { spawnSync } = require('node:child_process');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wmbb-host-'));
  const copy = path.join(dir, 'MyApp.exe');
  fs.copyFileSync(process.execPath, copy);
  const rest = args.filter((arg) => arg !== '--host-copy');
  const run = spawnSync(copy, [__filename, ...rest], { stdio: 'inherit', timeout: 240_000 });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(run.status, 0, `MyApp.exe exited with ${run.status} (${run.error ?? run.signal})`);
}

/** Runs this script's check in a worker and waits for it to exit cleanly. */
function runInWorker() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, {
      workerData: { args: [mode, ...[...options].filter((o) => o !== '--worker-only')] },
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`the worker exited with ${code}`));
        return;
      }
      // The worker's environment is gone, and with it Node's reference to the addon.
      console.log(`package-smoke ${mode}: ok (${where})`);
      resolve();
    });
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
