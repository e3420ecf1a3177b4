// The operator app's handler module in the Wine lane's chain checks: `wmbb serve --handler` loads
// it in the Node process that serves CLSID_OperatorEvents, started by the lane or by COM itself
// (-Embedding). It writes what it sees to operator-chain.jsonl beside itself (a process COM
// starts has no console the lane could read), and denies every entitlement check with a reason
// of its own, so the lane can tell Node's answer from the component's default.
'use strict';
/* global require, module, __dirname, process */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS loaded by wmbb serve */
const { appendFileSync } = require('node:fs');
const path = require('node:path');

const record = path.join(__dirname, 'operator-chain.jsonl');
const write = (entry) => appendFileSync(record, `${JSON.stringify(entry)}\n`);

module.exports = function operatorChainHandler(mbb) {
  write({ started: true, argv: process.argv.slice(2) });
  mbb.notifications.on('notification', (n) => {
    write({
      type: n.type,
      messageType: n.messageType,
      origin: n.origin,
      networkAccountId: n.networkAccountId,
      message: n.message,
      sender: n.sms?.sender,
      issues: n.issues,
    });
  });
  mbb.notifications.on('tetheringEntitlementCheck', (check) => {
    void check.authorize(false, 'Node says: no tethering on this plan');
  });
};
