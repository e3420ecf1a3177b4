/**
 * The serving source's TypeScript glue over a scripted stand-in for the addon's operator table
 * (the real class object runs in the Wine lane, test/windows/operator-events.cjs): records to
 * notifications, answers to the waiting caller, issues releasing it, overflow, option checks.
 */

import { describe, expect, it } from 'vitest';
import { connect } from '../../lib/connect.js';
import type {
  NativeAddon,
  NativeOperation,
  NativeOperatorServer,
  NativeRecordCallback,
} from '../../lib/native/addon-types.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import { OperatorRecordKind } from '../../lib/native/native-operator-events.js';
import type { Notification } from '../../lib/notifications/notification.js';
import { RecordEncoder } from './record-encoder.js';
import {
  unusedModems,
  unusedOpenUri,
  unusedOperatorTasks,
  unusedProvisioning,
  unusedTetheringDiagnostics,
  unusedTethering,
  unusedUssd,
} from './unused-exports.js';

function answered<T>(value: T): NativeOperation<T> {
  return { promise: Promise.resolve(value), cancel: () => undefined, abandon: () => undefined };
}

/** The addon as a serving process sees it; `send` plays the component's calls. */
function servingAddon(packaged: boolean) {
  const state = {
    onBatch: undefined as NativeRecordCallback | undefined,
    answers: [] as [number, string | null][],
    waiting: new Set<number>(),
    serves: 0,
    closes: 0,
  };
  const server: NativeOperatorServer = {
    answer: (checkId, answer) => {
      if (!state.waiting.delete(checkId)) return false;
      state.answers.push([checkId, answer]);
      return true;
    },
    close: () => {
      state.closes++;
      state.waiting.clear();
      return answered<void>(undefined);
    },
    discarded: () => 0,
  };
  const addon: NativeAddon = {
    core: { flush: () => answered<void>(undefined), openUri: unusedOpenUri },
    modems: unusedModems,
    esim: {} as NativeAddon['esim'],
    operatorTasks: unusedOperatorTasks,
    ussd: unusedUssd,
    provisioning: unusedProvisioning,
    tetheringDiagnostics: unusedTetheringDiagnostics,
    tethering: unusedTethering,
    operator: {
      hasPackageIdentity: () => packaged,
      serve: (onBatch) => {
        state.serves++;
        state.onBatch = onBatch;
        return answered(server);
      },
    },
  };
  const send = (checkId: number, blob: unknown): void => {
    if (checkId !== 0) state.waiting.add(checkId);
    const encoder = new RecordEncoder()
      .raw(OperatorRecordKind.operatorEvent, checkId)
      .string(typeof blob === 'string' ? blob : JSON.stringify(blob));
    state.onBatch!(...encoder.batch());
  };
  return { addon, state, send };
}

const blob = (fields: object) => ({
  v: 1,
  trigger: 'networkOperatorNotification',
  networkAccountId: 'acct-1',
  ...fields,
});

describe('serving operator events (scripted addon)', () => {
  it("'auto' serves when the process has package identity, and not otherwise", async () => {
    const packaged = servingAddon(true);
    const backend = await createNativeBackend({ addon: packaged.addon });
    const availability = await backend.notifications.availability!();
    expect(Object.values(availability).every((a) => a.source === 'system')).toBe(true);
    const unpackaged = await createNativeBackend({
      addon: servingAddon(false).addon,
      operatorEvents: 'auto',
    });
    expect((await unpackaged.notifications.availability!()).gsmSms.source).toBe('unavailable');
    const off = await createNativeBackend({ addon: packaged.addon, operatorEvents: 'off' });
    expect((await off.notifications.availability!()).gsmSms.source).toBe('unavailable');
  });

  it('checks operatorEvents', async () => {
    await expect(
      createNativeBackend({ addon: servingAddon(true).addon, operatorEvents: 'yes' as never }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT', message: /'auto', 'serve' or 'off'/ });
  });

  it('registers while someone listens; records arrive typed, origin system', async () => {
    const { addon, state, send } = servingAddon(false);
    const mbb = await connect({
      backend: await createNativeBackend({ addon, operatorEvents: 'serve' }),
    });
    const got: Notification[] = [];
    const listener = (n: Notification): void => void got.push(n);
    mbb.notifications.on('notification', listener);
    await expect.poll(() => state.serves).toBe(1);
    send(0, blob({ messageType: 8 }));
    send(0, blob({ messageType: 0, issues: ['Message: 0x80004005'] }));
    await expect.poll(() => got.length).toBe(2);
    expect(got[0]).toMatchObject({ type: 'registeredRoaming', origin: 'system' });
    expect(got[1]).toMatchObject({ type: 'unknown', issues: ['Message: 0x80004005'] });
    mbb.notifications.off('notification', listener);
    await expect.poll(() => state.closes).toBe(1);
    await mbb.close();
  });

  it('answers a check through the addon: "1" or "0" + reason; a late answer is refused', async () => {
    const { addon, state, send } = servingAddon(false);
    const mbb = await connect({
      backend: await createNativeBackend({ addon, operatorEvents: 'serve' }),
    });
    const errors: Error[] = [];
    mbb.notifications.on('error', (e) => void errors.push(e));
    mbb.notifications.on('tetheringEntitlementCheck', (check) => {
      if (check.networkAccountId === 'allow') void check.authorize(true);
      else if (check.networkAccountId === 'deny') void check.authorize(false, 'No plan');
    });
    await expect.poll(() => state.serves).toBe(1);
    send(1, { v: 1, trigger: 'tetheringEntitlementCheck', networkAccountId: 'allow' });
    send(2, { v: 1, trigger: 'tetheringEntitlementCheck', networkAccountId: 'deny' });
    await expect.poll(() => state.answers.length).toBe(2);
    expect(state.answers).toEqual([
      [1, '1'],
      [2, '0No plan'],
    ]);
    await expect(
      addon.operator.serve(() => {}, 1, 1).promise.then((s) => s.answer(1, '1')),
    ).resolves.toBe(false);
    await mbb.close();
  });

  it('a check whose blob has issues releases its caller at once and is unknown', async () => {
    const { addon, state, send } = servingAddon(false);
    const mbb = await connect({
      backend: await createNativeBackend({ addon, operatorEvents: 'serve' }),
    });
    const got: Notification[] = [];
    mbb.notifications.on('notification', (n) => void got.push(n));
    await expect.poll(() => state.serves).toBe(1);
    send(5, { v: 1, trigger: 'tetheringEntitlementCheck', issues: ['NetworkAccountId: 0x1'] });
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]!.type).toBe('unknown');
    expect(state.answers).toEqual([[5, null]]);
    await mbb.close();
  });

  it('a second serving connection in the process is ERR_INVALID_STATE', async () => {
    const { addon } = servingAddon(false);
    addon.operator.serve = () => {
      const promise = Promise.reject(
        Object.assign(new Error('CoRegisterClassObject failed'), {
          hresult: 0x800401fc,
          call: 'CoRegisterClassObject',
        }),
      );
      promise.catch(() => undefined);
      return { promise, cancel: () => undefined, abandon: () => undefined };
    };
    const backend = await createNativeBackend({ addon, operatorEvents: 'serve' });
    await expect(
      backend.notifications.subscribe({ deliver() {}, overflow() {}, error() {} }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
      message: /one serving connection per process/,
    });
  });

  it('reports overflow and errors from the queue', async () => {
    const { addon, state } = servingAddon(false);
    const mbb = await connect({
      backend: await createNativeBackend({ addon, operatorEvents: 'serve' }),
    });
    const overflow: number[] = [];
    const errors: Error[] = [];
    mbb.notifications.on('overflow', (info) => void overflow.push(info.discarded));
    mbb.notifications.on('error', (e) => void errors.push(e));
    mbb.notifications.on('notification', () => {});
    await expect.poll(() => state.serves).toBe(1);
    state.onBatch!(...new RecordEncoder().overflow(3).error(0x8007000e, 'x').batch());
    state.onBatch!(...new RecordEncoder().raw(0x999).batch());
    await expect.poll(() => errors.length).toBe(2);
    expect(overflow).toEqual([3]);
    await mbb.close();
  });
});
