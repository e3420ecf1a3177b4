// Real Windows only (the windows workflow; these machines reach no Windows): the surfaces an
// unpackaged process uses, on a runner without a modem.
//   - MobileBroadbandAccount: accounts() resolves (zero accounts on a runner) or fails typed;
//   - a derived-notification listener starts MobileBroadbandAccountWatcher (it enumerates and
//     completes) and registers NetworkStatusChanged; close() stops and unregisters both;
//   - NetworkOperatorTetheringManager: the hotspot's status and idle timeout resolve or fail
//     typed (a runner has no Wi-Fi adapter, and may have no internet profile to share).
// Each wait has a deadline: a Windows that never answers fails the step, never hangs it.
'use strict';
/* global require, process, __dirname, console, setTimeout, clearTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node.exe */
const assert = require('node:assert/strict');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const { connect, MobileBroadbandError } = require(path.join(root, 'dist', 'index.js'));

function deadline(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const mbb = await connect();
  assert.equal(mbb.backendName, 'native');
  try {
    const accounts = await deadline(mbb.modems.accounts(), 60_000, 'modems.accounts()');
    console.log(`accounts: ${accounts.length}`);
  } catch (error) {
    assert.ok(error instanceof MobileBroadbandError, String(error));
    console.log(`accounts: ${error.code}: ${error.message}`);
  }
  for (const [what, read] of [
    ['tethering.status()', () => mbb.tethering.status()],
    [
      'tethering.isNoConnectionsTimeoutEnabled()',
      () => mbb.tethering.isNoConnectionsTimeoutEnabled(),
    ],
  ]) {
    try {
      console.log(`${what}: ${JSON.stringify(await deadline(read(), 60_000, what))}`);
    } catch (error) {
      assert.ok(error instanceof MobileBroadbandError, String(error));
      console.log(`${what}: ${error.code}: ${error.message}`);
    }
  }
  const availability = await mbb.notifications.availability();
  console.log(`registeredHome: ${availability.registeredHome.source}`);
  // The first listener starts the account watcher and NetworkStatusChanged (derived source).
  const errors = [];
  mbb.notifications.on('error', (error) => errors.push(error));
  mbb.notifications.on('registeredHome', () => undefined);
  await deadline(new Promise((resolve) => setTimeout(resolve, 3000)), 10_000, 'the watcher');
  await deadline(mbb.close(), 30_000, 'close()');
  for (const error of errors) console.log(`error event: ${error.code}: ${error.message}`);
  assert.ok(
    errors.every((error) => error instanceof MobileBroadbandError),
    'only typed errors',
  );
  console.log('real-windows surfaces: ok');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
