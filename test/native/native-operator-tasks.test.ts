/**
 * The native backend's operator-task glue over a scripted stand-in for the addon (the real
 * addon runs in the Wine lane): the order of the calls, how answers map to the contract and
 * HRESULTs to typed errors; and the public layer without a backend that registers tasks.
 */

import { describe, expect, it } from 'vitest';
import type { NotificationSource } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import { createFakeBackend } from '../../lib/fake/fake-backend.js';
import type {
  NativeOperation,
  NativeOperatorTask,
  NativeOperatorTasksExports,
} from '../../lib/native/addon-types.js';
import { NativeOperatorTasks } from '../../lib/native/native-operator-tasks.js';
import type { NativeAddon } from '../../lib/native/addon-types.js';

function answered<T>(value: T): NativeOperation<T> {
  return { promise: Promise.resolve(value), cancel: () => undefined, abandon: () => undefined };
}

function failed<T>(hresult: number, call: string): NativeOperation<T> {
  const promise = Promise.reject(Object.assign(new Error(`${call} failed`), { hresult, call }));
  promise.catch(() => undefined);
  return { promise, cancel: () => undefined, abandon: () => undefined };
}

interface Script {
  identity?: boolean | number;
  access?: number;
  registerFails?: Record<number, number>;
  listed?: NativeOperatorTask[];
}

/** The operator-tasks table, and `operator.hasPackageIdentity()` (synchronous) beside it. */
type ScriptedTasks = NativeOperatorTasksExports & { hasPackageIdentity(): boolean };

function scripted(script: Script = {}): { tasks: ScriptedTasks; calls: string[] } {
  const calls: string[] = [];
  let next = 1;
  const tasks: ScriptedTasks = {
    hasPackageIdentity() {
      calls.push('hasPackageIdentity');
      const identity = script.identity ?? true;
      if (typeof identity === 'number') {
        throw Object.assign(new Error('GetCurrentPackageFullName failed'), {
          hresult: identity,
          call: 'GetCurrentPackageFullName',
        });
      }
      return identity;
    },
    requestAccess() {
      calls.push('requestAccess');
      return answered(script.access ?? 4);
    },
    list(prefix) {
      calls.push(`list ${prefix}`);
      return answered(script.listed ?? []);
    },
    unregister(names) {
      calls.push(`unregister ${names.join(',')}`);
      return answered(names.length);
    },
    register(name, entryPoint, trigger, networkAccountId) {
      calls.push(`register ${name} ${entryPoint} ${trigger} ${networkAccountId}`);
      const hr = script.registerFails?.[trigger];
      if (hr !== undefined) return failed(hr, 'BackgroundTaskBuilder.Register');
      return answered({
        taskId: `{00000000-0000-0000-0000-00000000000${next++}}`,
        name,
        trigger,
        ...(trigger === 1 ? { networkAccountId } : {}),
      });
    },
  };
  return { tasks, calls };
}

function backendOf(tasks: ScriptedTasks, assumePackageIdentity = false) {
  const operator = { hasPackageIdentity: () => tasks.hasPackageIdentity() };
  return new NativeOperatorTasks({ operatorTasks: tasks, operator } as unknown as NativeAddon, {
    assumePackageIdentity,
  });
}

async function codeOf(promise: Promise<unknown>): Promise<MobileBroadbandError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MobileBroadbandError);
  return error as MobileBroadbandError;
}

describe('native operator tasks (scripted addon)', () => {
  it('registers in order: identity, access, replace, the two tasks', async () => {
    const { tasks, calls } = scripted();
    const registered = await backendOf(tasks).register({ networkAccountId: 'acct' });
    expect(calls).toEqual([
      'hasPackageIdentity',
      'requestAccess',
      'unregister WindowsMobileBroadband.OperatorNotification,WindowsMobileBroadband.TetheringEntitlementCheck',
      'register WindowsMobileBroadband.OperatorNotification WindowsMobileBroadband.OperatorTask 1 acct',
      'register WindowsMobileBroadband.TetheringEntitlementCheck WindowsMobileBroadband.OperatorTask 2 ',
    ]);
    expect(registered.map((t) => [t.name, t.trigger, t.networkAccountId])).toEqual([
      ['WindowsMobileBroadband.OperatorNotification', 'networkOperatorNotification', 'acct'],
      ['WindowsMobileBroadband.TetheringEntitlementCheck', 'tetheringEntitlementCheck', undefined],
    ]);
  });

  it('without identity asks Windows nothing else', async () => {
    const { tasks, calls } = scripted({ identity: false });
    const error = await codeOf(backendOf(tasks).list());
    expect(error.code).toBe('ERR_PACKAGE_IDENTITY_REQUIRED');
    expect(error.message).toContain('docs/packaging.md');
    expect(calls).toEqual(['hasPackageIdentity']);
  });

  it('assumePackageIdentity skips the check', async () => {
    const { tasks, calls } = scripted({ identity: false });
    await backendOf(tasks, true).list();
    expect(calls).toEqual(['list WindowsMobileBroadband.']);
  });

  it('maps a failing identity check and APPMODEL_ERROR_NO_PACKAGE to typed errors', async () => {
    const { tasks } = scripted({ identity: 0x80070005 });
    expect((await codeOf(backendOf(tasks).list())).code).toBe('ERR_NOT_AUTHORIZED');
    const noPackage = scripted({ registerFails: { 1: 0x80073d54 } });
    const error = await codeOf(backendOf(noPackage.tasks).register({ networkAccountId: 'a' }));
    expect(error.code).toBe('ERR_PACKAGE_IDENTITY_REQUIRED');
    expect(error.message).toContain('wmbb package manifest');
  });

  it('denied access names the status; Unspecified and unknown values go on', async () => {
    for (const [value, status] of [
      [3, 'denied'],
      [6, 'deniedBySystemPolicy'],
      [7, 'deniedByUser'],
    ] as const) {
      const { tasks, calls } = scripted({ access: value });
      const error = await codeOf(backendOf(tasks).register({ networkAccountId: 'a' }));
      expect(error.code).toBe('ERR_NOT_AUTHORIZED');
      expect(error.message).toContain(`'${status}'`);
      expect(calls.some((call) => call.startsWith('register'))).toBe(false);
    }
    for (const value of [0, 99]) {
      const { tasks } = scripted({ access: value });
      expect(await backendOf(tasks).register({ networkAccountId: 'a' })).toHaveLength(2);
    }
  });

  it('takes the first task back when the second fails', async () => {
    const { tasks, calls } = scripted({ registerFails: { 2: 0x80004005 } });
    const error = await codeOf(backendOf(tasks).register({ networkAccountId: 'a' }));
    expect(error.code).toBe('ERR_WINDOWS');
    expect(calls.at(-1)).toBe('unregister WindowsMobileBroadband.OperatorNotification');
  });

  it('lists sorted, with the trigger from Windows, or from the name when Windows does not say', async () => {
    const { tasks } = scripted({
      listed: [
        { taskId: '{B}', name: 'WindowsMobileBroadband.TetheringEntitlementCheck', trigger: -1 },
        { taskId: '{C}', name: 'WindowsMobileBroadband.Custom', trigger: 0 },
        { taskId: '{D}', name: 'WindowsMobileBroadband.Unknown', trigger: -1 },
        {
          taskId: '{A}',
          name: 'WindowsMobileBroadband.OperatorNotification',
          trigger: 1,
          networkAccountId: 'acct',
        },
      ],
    });
    const listed = await backendOf(tasks).list();
    expect(listed.map((t) => [t.name, t.trigger])).toEqual([
      ['WindowsMobileBroadband.Custom', 'other'],
      ['WindowsMobileBroadband.OperatorNotification', 'networkOperatorNotification'],
      ['WindowsMobileBroadband.TetheringEntitlementCheck', 'tetheringEntitlementCheck'],
      ['WindowsMobileBroadband.Unknown', 'other'],
    ]);
    expect(listed[1]?.networkAccountId).toBe('acct');
  });

  it('unregisters each listed name once', async () => {
    const { tasks, calls } = scripted({
      listed: [
        { taskId: '{A}', name: 'WindowsMobileBroadband.OperatorNotification', trigger: 1 },
        { taskId: '{B}', name: 'WindowsMobileBroadband.OperatorNotification', trigger: 1 },
      ],
    });
    expect(await backendOf(tasks).unregister()).toBe(1);
    expect(calls.at(-1)).toBe('unregister WindowsMobileBroadband.OperatorNotification');
  });
});

describe('the public layer', () => {
  it('is ERR_NOT_SUPPORTED for a backend without operator tasks, ERR_CLOSED after close()', async () => {
    const fake = createFakeBackend();
    // The fake's notifications without their operatorTasks part: a backend of one's own.
    const notifications: NotificationSource = {
      subscribe: (sink, options) => fake.notifications.subscribe(sink, options),
      answerEntitlementCheck: (id, answer) => fake.notifications.answerEntitlementCheck(id, answer),
    };
    const mbb = await connect({
      backend: { ...fake, name: 'mine', notifications, close: () => fake.close() },
    });
    const error = await codeOf(mbb.notifications.listOperatorTasks());
    expect(error.code).toBe('ERR_NOT_SUPPORTED');
    expect(error.message).toContain('mine');
    await mbb.close();
    expect((await codeOf(mbb.notifications.unregisterOperatorTasks())).code).toBe('ERR_CLOSED');
  });
});
