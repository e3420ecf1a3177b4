// Serving the operator app's events, within one process (Wine lane): node.exe with the package
// serves CLSID_OperatorEvents (serveOperatorEvents, operatorEvents: 'serve') and the test-only
// control addon plays the forwarding component on a thread of its own:
// CoCreateInstance(CLSID_OperatorEvents, CLSCTX_LOCAL_SERVER, IID_IDispatch) and Invoke of
// Notify / CheckEntitlement with a blob (native/test-component/control-addon/
// operator-events-caller.h). Each call goes through COM into the addon's server and its record
// through the package's pipeline to the handler's listeners in this very process. Within one
// process COM hands the caller the registered class object itself (no proxy): what crosses
// processes is proven by the cross-process check, not here.
//
// Prints one "ok <check>" line per check and "operator-events: ok" at the end (the verdict).
// WMBB_TRACE_OPERATOR_EVENTS=1 also prints each call, its result, each delivery and the time.
'use strict';
/* global require, process, __dirname, console, AbortController */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by Windows' node.exe */
const assert = require('node:assert/strict');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const { createNativeBackend, serveOperatorEvents } = require(path.join(root, 'dist', 'index.js'));
const control = require(process.env.WMBB_TEST_CONTROL_ADDON);
if (process.env.WMBB_TRACE_OPERATOR_EVENTS) {
  const call = control.callOperatorEvents;
  control.callOperatorEvents = async (method, blob, deadline) => {
    console.log(`→ ${method} ${blob.slice(0, 60)}`);
    const r = await call(method, blob, deadline);
    console.log(`← ${JSON.stringify(r).slice(0, 100)}`);
    return r;
  };
}

/** An SMS-DELIVER from 27838890001: "hellohello" (test/messages/decode-sms-pdu.test.ts). */
const pdu = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';
const VT_EMPTY = 0;
const VT_BSTR = 8;
const VT_BOOL = 11;
const REGDB_E_CLASSNOTREG = 0x80040154;
const E_INVALIDARG = 0x80070057;

const notification = (fields) =>
  JSON.stringify({
    v: 1,
    trigger: 'networkOperatorNotification',
    taskInstanceId: '{8E2B1A34-0000-4000-8000-000000000001}',
    networkAccountId: 'acct-1',
    encodingType: 0,
    message: '',
    ruleId: '',
    ...fields,
  });
const check = (networkAccountId, fields = {}) =>
  JSON.stringify({ v: 1, trigger: 'tetheringEntitlementCheck', networkAccountId, ...fields });

const t0 = Date.now();
const ok = (name) =>
  console.log(
    process.env.WMBB_TRACE_OPERATOR_EVENTS ? `ok ${name} (${Date.now() - t0} ms)` : `ok ${name}`,
  );

/** Notifications delivered to the handler, and waiters for the next of a type. */
function collector() {
  const seen = [];
  const waiting = [];
  return {
    add(n) {
      if (process.env.WMBB_TRACE_OPERATOR_EVENTS) console.log(`delivered ${n.type}`);
      seen.push(n);
      for (const w of waiting.splice(0)) if (!w(n)) waiting.push(w);
    },
    next(test) {
      const found = seen.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) =>
        waiting.push((n) => {
          if (!test(n)) return false;
          resolve(n);
          return true;
        }),
      );
    },
  };
}

async function main() {
  // No package identity under Wine: 'auto' picks the derived source.
  const unpackaged = await createNativeBackend();
  const derived = await unpackaged.notifications.availability();
  assert.equal(derived.gsmSms.source, 'unavailable');
  await unpackaged.close();
  ok('an unpackaged node.exe has no package identity: operatorEvents auto is derived');

  const before = await control.callOperatorEvents('Notify', notification({ messageType: 8 }));
  assert.equal(before.failedCall, 'CoCreateInstance');
  assert.equal(before.hr, REGDB_E_CLASSNOTREG);
  ok('before serving, CoCreateInstance(CLSID_OperatorEvents) finds no class');

  const got = collector();
  const checks = new Map();
  const errors = [];
  let serving;
  const ready = new Promise((resolve) => (serving = resolve));
  const backend = await createNativeBackend({ operatorEvents: 'serve' });
  const availability = await backend.notifications.availability();
  assert.ok(Object.values(availability).every((entry) => entry.source === 'system'));
  const served = serveOperatorEvents({
    backend,
    idleMs: 3000,
    // Long: the checks below are answered by the handler or left to the caller's deadline.
    connection: { entitlement: { timeoutMs: 600000 } },
    handler: (mbb) => {
      mbb.notifications.on('notification', (n) => got.add(n));
      mbb.notifications.on('tetheringEntitlementCheck', (n) => {
        checks.set(n.networkAccountId, n);
        if (n.networkAccountId === 'allow-me') void n.authorize(true);
        if (n.networkAccountId === 'deny-me') void n.authorize(false, 'No tethering on this plan');
      });
    },
    onError: (error) => errors.push(error),
    onServing: serving,
  });
  await ready;
  ok('serving: the class is registered on the addon’s MTA thread; every type is system');

  const sms = await control.callOperatorEvents(
    'Notify',
    notification({
      messageType: 0,
      message: 'hellohello',
      ruleId: 'balance',
      sms: { id: 1, messageClass: 0, format: 4, pdu },
    }),
  );
  assert.deepEqual([sms.failedCall, sms.vt, sms.value], ['', VT_BOOL, true]);
  const gsm = await got.next((n) => n.type === 'gsmSms');
  assert.equal(gsm.origin, 'system');
  assert.equal(gsm.message, 'hellohello');
  assert.equal(gsm.ruleId, 'balance');
  assert.equal(gsm.sms.sender, '27838890001');
  ok('Notify(gsmSms) returns VARIANT_TRUE; the SMS arrives with its PDU decoded');

  for (const [messageType, type] of [
    [8, 'registeredRoaming'],
    [3, 'dataPlanThresholdReached'],
  ]) {
    const result = await control.callOperatorEvents('Notify', notification({ messageType }));
    assert.deepEqual([result.vt, result.value], [VT_BOOL, true]);
    const n = await got.next((x) => x.type === type);
    assert.equal(n.origin, 'system');
    assert.equal(n.networkAccountId, 'acct-1');
    ok(`Notify(${type}) arrives as ${type}, origin system`);
  }

  const allowed = await control.callOperatorEvents('CheckEntitlement', check('allow-me'), 20000);
  assert.deepEqual([allowed.failedCall, allowed.vt, allowed.value], ['', VT_BSTR, '1']);
  ok('CheckEntitlement answered allow from JS reaches the caller as "1"');

  const denied = await control.callOperatorEvents('CheckEntitlement', check('deny-me'), 20000);
  assert.deepEqual([denied.vt, denied.value], [VT_BSTR, '0No tethering on this plan']);
  ok('CheckEntitlement answered deny from JS reaches the caller as "0" + reason');

  const late = await control.callOperatorEvents('CheckEntitlement', check('silent'), 300);
  assert.equal(late.vt, VT_EMPTY);
  // The handler answers after the deadline: the addon has no caller for it any more.
  const silent = await got.next((n) => n.networkAccountId === 'silent');
  await assert.rejects(silent.authorize(true), { code: 'ERR_INVALID_STATE' });
  ok('CheckEntitlement past its deadline gives VT_EMPTY; a late answer is refused');

  const unread = await control.callOperatorEvents(
    'Notify',
    notification({ messageType: 0, issues: ['Message: 0x80004005'] }),
  );
  assert.equal(unread.value, true);
  const unknown = await got.next((n) => n.type === 'unknown');
  assert.ok(unknown.issues.includes('Message: 0x80004005'));
  ok('a blob with issues arrives as unknown, carrying them');

  const brokenCheck = await control.callOperatorEvents(
    'CheckEntitlement',
    check('broken', { issues: ['NetworkAccountId: 0x80004005'] }),
    20000,
  );
  assert.equal(brokenCheck.vt, VT_EMPTY);
  ok('a check whose blob has issues releases its caller with VT_EMPTY (the component’s default)');

  const huge = await control.callOperatorEvents('Notify', 'x'.repeat(1048577));
  assert.deepEqual([huge.failedCall, huge.hr], ['Invoke', E_INVALIDARG]);
  ok('a blob longer than 1 MiB is E_INVALIDARG');

  const result = await served;
  assert.equal(result.ended, 'idle');
  assert.equal(result.delivered, 8);
  ok('serving ends after idleMs without records');

  const after = await control.callOperatorEvents('Notify', notification({ messageType: 8 }));
  assert.deepEqual([after.failedCall, after.hr], ['CoCreateInstance', REGDB_E_CLASSNOTREG]);
  ok('after close the class is revoked: CoCreateInstance fails');

  // Closing the connection answers a check still waiting with the connection's default.
  const controller = new AbortController();
  let servingAgain;
  const readyAgain = new Promise((resolve) => (servingAgain = resolve));
  const seenAgain = collector();
  const again = serveOperatorEvents({
    backend: await createNativeBackend({ operatorEvents: 'serve' }),
    idleMs: 600000,
    connection: { entitlement: { timeoutMs: 600000 } },
    handler: (mbb) => mbb.notifications.on('notification', (n) => seenAgain.add(n)),
    onServing: servingAgain,
    signal: controller.signal,
  });
  await readyAgain;
  const waiting = control.callOperatorEvents('CheckEntitlement', check('waits'), 25000);
  await seenAgain.next((n) => n.type === 'tetheringEntitlementCheck');
  controller.abort();
  assert.equal((await again).ended, 'aborted');
  const answeredOnClose = await waiting;
  assert.equal(answeredOnClose.vt, VT_BSTR);
  assert.match(answeredOnClose.value, /^0The connection closed/);
  ok('closing the connection answers a waiting check with its default ("0" + reason)');

  // The server's own close (revocation, environment teardown) releases a waiting caller with
  // VT_EMPTY, long before its deadline: the addon's export table directly.
  const addon = require(path.join(root, 'prebuilds', 'win32-x64', 'windows-mobile-broadband.node'));
  let checkArrived;
  const arrived = new Promise((resolve) => (checkArrived = resolve));
  const server = await addon.operator.serve(() => checkArrived(), 16, 16).promise;
  await assert.rejects(addon.operator.serve(() => {}, 16, 16).promise, {
    hresult: 0x800401fc,
  });
  const started = Date.now();
  const held = control.callOperatorEvents('CheckEntitlement', check('held'), 25000);
  await arrived;
  await server.close().promise;
  const released = await held;
  assert.equal(released.vt, VT_EMPTY);
  assert.ok(Date.now() - started < 20000, 'released by close, not by its deadline');
  const revoked = await control.callOperatorEvents('Notify', notification({ messageType: 8 }));
  assert.equal(revoked.failedCall, 'CoCreateInstance');
  ok(
    'one server per process (a second is CO_E_OBJISREG); its close releases a waiting CheckEntitlement with VT_EMPTY and revokes the class',
  );

  assert.ok(
    errors.every((e) => e.code === 'ERR_INVALID_STATE'),
    errors.map((e) => e.message).join('\n'),
  );
  console.log('operator-events: ok');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
