// What wmbb-task-host.exe printed for one Run of the forwarding component (its
// `task-host result:` line), checked the way every lane verdict needs it, and its entitlement
// answer. Shared by operator-task-expect.cjs and operator-chain-expect.cjs (Linux node).
'use strict';
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by the lane */
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const path = require('node:path');

/** The host's result: activated by class name, Run succeeded, the deferral completed once. */
function hostResult(hostLog) {
  const log = readFileSync(hostLog, 'utf8');
  const name = path.basename(hostLog);
  // Wine's heap checking (the lane runs the host with warn+heap): a bad free or a damaged block.
  assert.ok(!log.includes('warn:heap'), `no heap damage in the host or the component (${name})`);
  const line = log.split(/\r?\n/).find((text) => text.startsWith('task-host result: '));
  assert.ok(line, `the host printed its result (${name})`);
  const result = JSON.parse(line.slice('task-host result: '.length));
  assert.equal(result.activation, '0x00000000', 'activated by class name');
  assert.equal(result.run, '0x00000000', 'Run succeeded');
  assert.equal(result.deferralCompletions, 1, 'the deferral was completed exactly once');
  // The host waits for this: the forwarding thread has ended, the server's reply taken or ignored.
  assert.equal(result.canceledHandlersLeft, 0, 'the component unregistered Canceled');
  return result;
}

/** The details received exactly one answer: `method` (AuthorizeTethering, …) with these values. */
function answered(result, method, allow, reason) {
  assert.equal(result.answers, 1, 'exactly one entitlement answer');
  assert.deepEqual(
    {
      method: result.answer.method,
      allow: result.answer.allow === 1,
      reason: result.answer.reason,
    },
    { method, allow, reason },
  );
}

module.exports = { hostResult, answered };
