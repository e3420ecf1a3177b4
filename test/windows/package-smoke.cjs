// Loads the built package (dist/) the way a user's app does, in Windows' node.exe under Wine
// (or a copy of it named MyApp.exe, as Electron apps are): connect() picks the native backend,
// node-gyp-build finds prebuilds/win32-x64/, and eSIM calls run against whatever is registered.
//
//   node package-smoke.cjs unregistered   no eSIM class: connect() works, eSIM calls say why not
//   node package-smoke.cjs registered     the test component: list() sees its eSIM, and once
//                                         closed nothing keeps the event loop busy
//   node package-smoke.cjs real-windows   real Windows (GitHub Actions): eSIM calls answer or
//                                         fail with a typed error, never crash
'use strict';
/* global require, process, __dirname, console */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by Windows' node.exe */
const assert = require('node:assert/strict');
const path = require('node:path');

const mode = process.argv[2];
const root = path.join(__dirname, '..', '..');
const { connect, MobileBroadbandError } = require(path.join(root, 'dist', 'index.js'));

async function main() {
  assert.equal(process.env.WMBB_NATIVE_ADDON, undefined, 'this check must load the prebuild');
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
    const list = await mbb.esim.list();
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
      ['list', () => mbb.esim.list()],
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
  // Idle means idle: no timer, handle or request of the package is left.
  const left = process
    .getActiveResourcesInfo()
    .filter((r) => r !== 'TTYWrap' && r !== 'FSReqCallback');
  assert.deepEqual(left, [], `resources left after close(): ${left.join(', ')}`);
  console.log(`package-smoke ${mode}: ok (${path.basename(process.execPath)})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
