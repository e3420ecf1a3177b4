// The module outlives every callback (Wine lane): only a worker thread loads the addon; it starts
// an eSIM download that the test component answers late, ignoring the cancel (as a remote
// operation may), and exits. Node then frees the addon's DLL (Environment::~Environment closes
// the loaded addons) unless the addon pinned itself. Seconds later the component completes the
// operation on a thread of its own and calls the addon's completion handler: the process must
// survive, and the abandoned operation must be closed and released (nothing left alive).
'use strict';
/* global require, process, __dirname, __filename, console, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by Windows' node.exe */
const assert = require('node:assert/strict');
const path = require('node:path');
const { Worker, isMainThread, workerData } = require('node:worker_threads');

const eid = '89049032123451234512345678901235';
const code = 'LPA:1$smdp.example.com$LATE-COMPLETION-1';
const durationMs = 3000;

async function inWorker() {
  const { connect } = require(path.join(workerData.root, 'dist', 'index.js'));
  const mbb = await connect();
  // Started, then abandoned: the worker exits without waiting for it.
  mbb.esim.downloadProfileMetadata(eid, code).catch(() => undefined);
  // Long enough for the addon's MTA thread to have started the operation.
  await new Promise((resolve) => setTimeout(resolve, 500));
  process.exit(0);
}

async function main() {
  const control = require(process.env.WMBB_TEST_CONTROL_ADDON);
  control.reset();
  control.putEsim({ eid, firmwareVersion: '1', modemDeviceId: 'm', state: 1 }, false);
  // The component compares codes as the addon passes them: without the LPA: scheme.
  control.scriptCode(code.slice('LPA:'.length), {
    download: 0,
    id: '8944501234567890149',
    durationMs,
  });
  control.setCompletion(2); // late cancel: the download ends when its time is up
  const root = path.join(__dirname, '..', '..');
  const exitCode = await new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { root } });
    worker.on('error', reject);
    worker.on('exit', resolve);
  });
  assert.equal(exitCode, 0);
  const exited = Date.now();
  // The component's thread completes the download about durationMs after it started.
  assert.ok(control.waitIdle(durationMs + 10_000), 'the component is still busy');
  const counts = control.operationCounts();
  console.log('operation counts', JSON.stringify(counts), 'live', control.liveObjects());
  assert.ok(counts.cancelCalls >= 1, 'the worker teardown cancels the abandoned operation');
  assert.equal(
    counts.otherThread,
    1,
    'the component completed the operation after the worker left',
  );
  // The completion reaches the addon's (pinned) code, which queues the close for its MTA thread.
  const until = Date.now() + 10_000;
  while (control.liveObjects() !== 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(control.liveObjects(), 0, 'the late operation was closed and released');
  console.log(`completed ${Date.now() - exited} ms after the worker exited`);
  console.log('late-completion: ok');
}

(isMainThread ? main() : inWorker()).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
