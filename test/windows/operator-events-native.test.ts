/**
 * The operator-events conformance suite on the native backend, run by `node --test` in Windows'
 * node.exe under Wine (test/windows/run.sh bundles this file with esbuild): node.exe serves
 * CLSID_OperatorEvents (`operatorEvents: 'serve'`) and each event arrives as the forwarding
 * component sends it — its blob, through COM (CoCreateInstance + IDispatch::Invoke from a thread
 * of the test-only control addon), into the addon and the package's typed pipeline. The same
 * suite runs on the fake (test/conformance/operator-events-fake.test.ts); the cross-process
 * chain with the real component is the lane's "operator chain" check.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import { defineOperatorEventsConformance } from '../conformance/operator-events-conformance.js';
import type {
  EntitlementOutcome,
  OperatorEvent,
  OperatorEventsDriver,
} from '../conformance/operator-events-driver.js';
import { nodeTestApi } from './node-test-api.js';

interface CallResult {
  failedCall: string;
  hr: number;
  vt: number;
  value: unknown;
}
interface OperatorControl {
  callOperatorEvents(method: string, blob: string, deadlineMs?: number): Promise<CallResult>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
const control = require(process.env.WMBB_TEST_CONTROL_ADDON!) as OperatorControl;

const VT_BSTR = 8;

/** The component's blob (native/operator-task/details-reader.cpp) for one event. */
function blobOf(event: OperatorEvent): string {
  return JSON.stringify({
    v: 1,
    trigger: 'networkOperatorNotification',
    taskInstanceId: '{8E2B1A34-0000-4000-8000-000000000002}',
    messageType: event.messageType,
    networkAccountId: event.networkAccountId,
    encodingType: event.encodingType ?? 0,
    message: event.message ?? '',
    ruleId: event.ruleId ?? '',
    ...(event.pdu === undefined
      ? {}
      : { sms: { id: 7, messageClass: 0, format: 4, pdu: event.pdu } }),
    ...(event.issues === undefined ? {} : { issues: event.issues }),
  });
}

function nativeDriver(): OperatorEventsDriver {
  let delivered = 0;
  const waiters: (() => void)[] = [];
  const deliveredOne = (): void => {
    delivered++;
    for (const wake of waiters.splice(0)) wake();
  };
  const until = async (count: number): Promise<void> => {
    while (delivered < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return {
    name: 'native (COM into the addon, as the component calls it)',
    createBackend: () => createNativeBackend({ operatorEvents: 'serve' }),
    attach: (mbb: MobileBroadband) => {
      delivered = 0;
      mbb.notifications.on('notification', deliveredOne);
    },
    notify: async (event) => {
      const target = delivered + 1;
      const result = await control.callOperatorEvents('Notify', blobOf(event));
      if (result.failedCall !== '') {
        throw new Error(`Notify: ${result.failedCall} failed 0x${(result.hr >>> 0).toString(16)}`);
      }
      await until(target);
    },
    checkEntitlement: async (event): Promise<EntitlementOutcome> => {
      const result = await control.callOperatorEvents('CheckEntitlement', blobOf(event), 20_000);
      if (result.vt !== VT_BSTR || typeof result.value !== 'string') return 'no answer';
      const answer = result.value;
      return answer === '1'
        ? { allow: true, reason: '' }
        : { allow: false, reason: answer.slice(1) };
    },
    advance: (ms) => sleep(ms),
  };
}

const api = nodeTestApi();

defineOperatorEventsConformance(api, nativeDriver());
