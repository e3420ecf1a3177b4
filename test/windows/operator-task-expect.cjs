// The Wine lane's verdict on one operator-task check (run by Linux node, not under Wine): reads
// what wmbb-task-host.exe printed (its `task-host result:` line) and, where a stand-in server
// took part, the calls it recorded, and says whether the case's expectations hold. Prints
// `operator task <case>: ok` and exits 0, or names what differs and exits 1.
//
//   node test/windows/operator-task-expect.cjs <case> <host.log> [<record.jsonl> <server.log>]
'use strict';
/* global require, process, console */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by the lane */
const assert = require('node:assert/strict');
const { existsSync, readFileSync } = require('node:fs');
const { hostResult: readHostResult, answered: answer } = require('./task-host-result.cjs');

const smsPdu = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';
const laneReason = 'Lane default: the operator app could not be asked.';

const [caseName, hostLog, recordFile, serverLog] = process.argv.slice(2);

const hostResult = () => readHostResult(hostLog);

/** The stand-in's recorded calls, each blob parsed (a blob that is not JSON fails here). */
function recordedCalls() {
  assert.ok(existsSync(recordFile), 'the stand-in recorded a call');
  const server = readFileSync(serverLog, 'utf8');
  assert.match(server, /^stand-in: served \d+ calls/m, 'the stand-in ended normally');
  return readFileSync(recordFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

function onlyCall(method) {
  const calls = recordedCalls();
  assert.equal(calls.length, 1, 'one call reached the server');
  assert.equal(calls[0].method, method);
  assert.equal(calls[0].blob.v, 1);
  return calls[0];
}

const cases = {
  sms() {
    const result = hostResult();
    assert.equal(result.answers, 0);
    const { blob } = onlyCall('Notify');
    assert.equal(blob.trigger, 'networkOperatorNotification');
    assert.equal(blob.messageType, 0);
    assert.equal(blob.message, 'hellohello');
    assert.deepEqual(blob.sms, { id: 7, messageClass: 0, format: 4, pdu: smsPdu });
    assert.equal(blob.issues, undefined);
  },
  roaming() {
    hostResult();
    const { blob } = onlyCall('Notify');
    assert.equal(blob.messageType, 8);
    assert.equal(blob.sms, undefined);
  },
  threshold() {
    hostResult();
    const { blob } = onlyCall('Notify');
    assert.equal(blob.messageType, 3);
    // Quotes, backslash, a newline, a surrogate pair and a lone surrogate, all back intact.
    assert.equal(blob.message, '80% used: "plan" \\ data\n\u{1F4F6} \uD800');
  },
  entitlementDenied() {
    const result = hostResult();
    answer(result, 'AuthorizeTethering', false, 'No tethering on this plan');
    const call = onlyCall('CheckEntitlement');
    assert.equal(call.blob.messageType, 10);
    assert.equal(call.deadlineMs, 20000);
  },
  entitlementAllowed() {
    const result = hostResult();
    answer(result, 'AllowTethering', true, '');
    const call = onlyCall('CheckEntitlement');
    assert.equal(call.blob.trigger, 'tetheringEntitlementCheck');
  },
  noServer() {
    answer(hostResult(), 'DenyTethering', false, laneReason);
  },
  notifyNoServer() {
    assert.equal(hostResult().answers, 0);
  },
  deadline() {
    const result = hostResult();
    answer(result, 'AuthorizeTethering', false, laneReason);
    // The server answered "1" 2.5 s after the call, past the deadline (1000 ms in the lane's
    // INI): the default stands and the late allow was not passed on (one answer).
    assert.equal(onlyCall('CheckEntitlement').deadlineMs, 1000);
  },
  canceled() {
    const result = hostResult();
    answer(result, 'DenyTethering', false, laneReason);
    // The INI's deadline (25000 ms) is longer than the host waits, so only Canceled can have
    // answered, after it; the server's "1", 2.5 s after the call, was not passed on.
    assert.ok(
      result.canceledMs >= 0 && result.answer.atMs >= result.canceledMs,
      'answered on Canceled',
    );
    assert.equal(onlyCall('CheckEntitlement').deadlineMs, 25000);
  },
  notifyCanceled() {
    const result = hostResult();
    assert.equal(result.answers, 0);
    // The server holds Notify; the deferral is completed on Canceled, after it.
    assert.ok(
      result.canceledMs >= 0 && result.deferralCompletedMs >= result.canceledMs,
      'completed on Canceled',
    );
    assert.equal(onlyCall('Notify').blob.messageType, 8);
  },
  unreadable() {
    assert.equal(hostResult().answers, 0);
    const { blob } = onlyCall('Notify');
    assert.deepEqual(blob.issues, [
      'InstanceId: 0x80004005',
      'Message: 0x80004005',
      'RuleId: 0x80010108',
      'SmsMessage.GetData: 0x80004005',
    ]);
    assert.equal(blob.message, undefined);
  },
};

try {
  assert.ok(cases[caseName], `a known case (${Object.keys(cases).join(', ')})`);
  cases[caseName]();
  console.log(`operator task ${caseName}: ok`);
} catch (error) {
  console.log(
    `operator task ${caseName}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
