// The Wine lane's verdict on the operator chain (run by Linux node): the real forwarding
// component in wmbb-task-host.exe (backgroundtaskhost's stand-in) → COM, across processes →
// `wmbb serve` in Windows' node.exe → the package's typed notifications and the handler's
// answers back to the test details. Reads what the handler recorded (operator-chain.jsonl) and
// what each host run printed. Prints `operator chain <phase>: ok` and exits 0, or names what
// differs and exits 1.
//
//   node operator-chain-expect.cjs served    <record.jsonl> <server.log> <dir with host-<case>.log>
//   node operator-chain-expect.cjs nodeGone  <host.log>
//   node operator-chain-expect.cjs embedding <record.jsonl> <host.log>
'use strict';
/* global require, process, console, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by the lane */
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { hostResult, answered } = require('./task-host-result.cjs');
const { decodeSmsPdu } = require(path.join(__dirname, '../../dist/messages/index.js'));

// The test details' values (native/test-component/task-host/test-objects.cpp).
const account = '{5A9B7D1C-0000-4000-8000-00000000ACC7}';
const smsPdu = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';
const nodeReason = 'Node says: no tethering on this plan';
const laneReason = 'Lane default: the operator app could not be asked.';

function records(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

const phases = {
  served(recordFile, serverLog, hostDir) {
    const [start, ...seen] = records(recordFile);
    assert.ok(start.started, 'the handler was set up first');
    assert.ok(!start.argv.includes('-Embedding'), 'the lane started this server itself');
    const expected = decodeSmsPdu(smsPdu);
    assert.deepEqual(
      seen.map((n) => [n.type, n.origin, n.networkAccountId]),
      [
        ['gsmSms', 'system', account],
        ['registeredRoaming', 'system', account],
        ['dataPlanThresholdReached', 'system', account],
        ['tetheringEntitlementCheck', 'system', account],
        ['tetheringEntitlementCheck', 'system', account],
      ],
      'every event arrived typed, in order, as Windows own (origin system)',
    );
    assert.equal(seen[0].message, 'hellohello', 'the SMS text');
    assert.equal(seen[0].sender, expected.sender, 'the SMS sender decoded from its PDU');
    for (const n of seen) assert.equal(n.issues, undefined, `${n.type} has no issues`);
    for (const name of ['sms', 'roaming', 'threshold']) {
      assert.equal(hostResult(path.join(hostDir, `host-${name}.log`)).answers, 0);
    }
    answered(
      hostResult(path.join(hostDir, 'host-entitlement10.log')),
      'AuthorizeTethering',
      false,
      nodeReason,
    );
    answered(
      hostResult(path.join(hostDir, 'host-entitlementTrigger.log')),
      'DenyTethering',
      false,
      nodeReason,
    );
    assert.match(readFileSync(serverLog, 'utf8'), /served 5 notification\(s\); idle/);
  },
  nodeGone(hostLog) {
    answered(hostResult(hostLog), 'DenyTethering', false, laneReason);
  },
  embedding(recordFile, hostLog) {
    const [start, ...seen] = records(recordFile);
    assert.ok(start.started, 'the handler was set up');
    assert.ok(
      start.argv.includes('-Embedding'),
      `COM started the server (${start.argv.join(' ')})`,
    );
    assert.deepEqual(
      seen.map((n) => n.type),
      ['tetheringEntitlementCheck'],
    );
    answered(hostResult(hostLog), 'AuthorizeTethering', false, nodeReason);
  },
};

const [phase, ...args] = process.argv.slice(2);
try {
  assert.ok(phases[phase], `a known phase (${Object.keys(phases).join(', ')})`);
  phases[phase](...args);
  console.log(`operator chain ${phase}: ok`);
} catch (error) {
  console.log(`operator chain ${phase}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
