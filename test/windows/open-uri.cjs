// The addon opens URIs through the shell (the eSIM doors of Windows 11 24H2: lpa: and
// ms-settings:cellular-id): under Wine a handler of the lane's own (record-launch.cjs) stands
// in for Settings and records what it was opened with. An unknown scheme is a typed failure.
'use strict';
/* global require, process, console, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node.exe */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const addon = require(process.env.WMBB_NATIVE_ADDON);
const log = process.env.WMBB_LAUNCH_LOG;

async function launched(count) {
  for (let i = 0; i < 200; i++) {
    const lines = fs.existsSync(log)
      ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean)
      : [];
    if (lines.length >= count) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the handler recorded fewer than ${count} launches`);
}

async function main() {
  fs.rmSync(log, { force: true });
  const link = 'lpa:1$smdp.example.com$04386-AGYFT-A74Y8-3F815';
  // ShellExecuteEx returns once the handler has started, so each launch is awaited in the log
  // before the next: two handler processes would otherwise race to record.
  await addon.core.openUri(link).promise;
  await launched(1);
  const settings =
    'ms-settings:cellular-id?callbackUrl=https%3A%2F%2Fportal.contoso.example%2Fids%3Feid%3D%7Beid%7D';
  await addon.core.openUri(settings).promise;
  assert.deepEqual(await launched(2), [link, settings]);
  // The public doors over the native backend. Wine plays Windows 10, so the test says which
  // build to take as running: the build check itself is tested on the fake.
  const root = process.env.WMBB_PACKAGE_ROOT;
  const { connect, createNativeBackend } = require(`${root}\\dist\\index.js`);
  const mbb = await connect({ backend: await createNativeBackend({ windowsBuild: 26100 }) });
  await mbb.esim.openActivation('LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815');
  await launched(3);
  await mbb.esim.requestDeviceIdentifiers({
    callbackUrl: 'https://portal.contoso.example/ids?eid={eid}',
  });
  await mbb.close();
  const all = await launched(4);
  assert.deepEqual(all.slice(2), [
    link,
    'ms-settings:cellular-id?callbackUrl=https%3A%2F%2Fportal.contoso.example%2Fids%3Feid%3D%7Beid%7D',
  ]);
  await assert.rejects(addon.core.openUri('wmbb-no-such-scheme:x').promise, (error) => {
    assert.equal(error.call, 'ShellExecuteEx');
    assert.ok(error.hresult >= 0x80000000, String(error.hresult));
    return true;
  });
  cliOffersSettings(root, link.slice('lpa:'.length));
  console.log('open-uri: ok');
}

// `wmbb esim download` in a process Windows refuses eSIM management (the component plays an
// unpackaged one): without a terminal it names the Settings path and exits 1; with
// --via-settings it takes that path, which this Windows 10 refuses with its build number.
function cliOffersSettings(root, code) {
  const cli = `${root}\\dist\\cli\\main.js`;
  const env = { ...process.env, WMBB_TEST_ESIM_ACCESS: 'watcherNull' };
  const run = (args) =>
    spawnSync(process.execPath, [cli, 'esim', 'download', `LPA:${code}`, ...args], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
  const matchingId = code.split('$')[2];
  const refused = run([]);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /^wmbb: ERR_NOT_AUTHORIZED: .*--via-settings/);
  assert.equal(refused.stderr.trimEnd().split('\n').length, 1, refused.stderr);
  const via = run(['--via-settings']);
  assert.equal(via.status, 1, via.stderr);
  assert.match(via.stderr, /^wmbb: ERR_NOT_SUPPORTED: .*build \d+/);
  for (const text of [refused.stdout, refused.stderr, via.stdout, via.stderr]) {
    assert.ok(!text.includes(matchingId), text);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
