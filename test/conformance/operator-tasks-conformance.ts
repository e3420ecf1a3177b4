/**
 * The operator-tasks conformance suite (issue 13 item 3): `registerOperatorTasks()`,
 * `listOperatorTasks()` and `unregisterOperatorTasks()` through the public API, the same file on
 * the fake (vitest) and on the native addon in Windows' node.exe under Wine (`node --test`).
 * The Windows lane names each test below as a check of its summary, so keep the names stable.
 */

import assert from 'node:assert/strict';
import type { Backend, OperatorTaskInfo } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import type { OperatorTasksDriver } from './operator-tasks-driver.js';
import type { TestApi } from './test-api.js';

const notificationTask = 'WindowsMobileBroadband.OperatorNotification';
const entitlementTask = 'WindowsMobileBroadband.TetheringEntitlementCheck';

/** The names of the operator-tasks tests, as the Windows lane's summary lists them. */
export const operatorTasksCheckNames = [
  'register, list and unregister round trip',
  'registering again replaces the earlier tasks',
  'trigger kinds and the account of each task',
  'bad account ids are ERR_INVALID_ARGUMENT, masked',
  'denied background access is ERR_NOT_AUTHORIZED naming the status',
  'without package identity: ERR_PACKAGE_IDENTITY_REQUIRED saying what to do',
  'nothing is left alive in Windows',
] as const;

const [roundTrip, replace, triggerKinds, badIds, denied, noIdentity, nothingAlive] =
  operatorTasksCheckNames;

function rejectsWith(code: string, check?: (error: MobileBroadbandError) => void) {
  return (error: unknown): boolean => {
    assert.ok(
      error instanceof MobileBroadbandError,
      `a MobileBroadbandError, got ${String(error)}`,
    );
    assert.equal(error.code, code, error.message);
    check?.(error);
    return true;
  };
}

function names(tasks: readonly OperatorTaskInfo[]): string[] {
  return tasks.map((task) => task.name);
}

export function defineOperatorTasksConformance(test: TestApi, driver: OperatorTasksDriver): void {
  test.describe(`operator tasks conformance: ${driver.name}`, () => {
    let backend: Backend | undefined;
    let mbb: MobileBroadband | undefined;
    const open = async (unpackaged = false): Promise<MobileBroadband> => {
      backend = unpackaged ? await driver.createUnpackagedBackend() : await driver.createBackend();
      mbb = await connect({ backend });
      return mbb;
    };
    test.afterEach(async () => {
      await mbb?.close();
      mbb = undefined;
      await backend?.close();
      backend = undefined;
      // Every test, not only the named one: each object "Windows" handed out was released.
      assert.equal(await driver.liveObjects(), 0, 'objects of "Windows" alive after close()');
    });

    test.it(roundTrip, async () => {
      const app = await open();
      assert.deepEqual(await app.notifications.listOperatorTasks(), []);
      const registered = await app.notifications.registerOperatorTasks({
        networkAccountId: driver.networkAccountId,
      });
      assert.deepEqual(names(registered), [notificationTask, entitlementTask]);
      for (const task of registered) assert.match(task.taskId, /^\{[0-9A-F-]{36}\}$/i);
      const listed = await app.notifications.listOperatorTasks();
      assert.deepEqual(
        listed.map((task) => task.taskId).sort(),
        registered.map((task) => task.taskId).sort(),
      );
      assert.deepEqual(names(listed), [notificationTask, entitlementTask].sort());
      assert.equal(await app.notifications.unregisterOperatorTasks(), 2);
      assert.deepEqual(await app.notifications.listOperatorTasks(), []);
      assert.equal(await app.notifications.unregisterOperatorTasks(), 0);
    });

    test.it(replace, async () => {
      const app = await open();
      await driver.addForeignTask('Contoso.App.OwnTask');
      const first = await app.notifications.registerOperatorTasks({
        networkAccountId: driver.networkAccountId,
      });
      const second = await app.notifications.registerOperatorTasks({
        networkAccountId: driver.networkAccountId,
      });
      const listed = await app.notifications.listOperatorTasks();
      // One of each name, the second registration's.
      assert.deepEqual(names(listed), [notificationTask, entitlementTask].sort());
      assert.deepEqual(
        listed.map((task) => task.taskId).sort(),
        second.map((task) => task.taskId).sort(),
      );
      for (const task of first) {
        assert.ok(!listed.some((t) => t.taskId === task.taskId), `${task.name} replaced`);
      }
      // Another component's task is neither listed, replaced nor unregistered.
      assert.equal(await app.notifications.unregisterOperatorTasks(), 2);
      assert.deepEqual(await driver.registeredNames(), ['Contoso.App.OwnTask']);
    });

    test.it(triggerKinds, async () => {
      const app = await open();
      await app.notifications.registerOperatorTasks({ networkAccountId: driver.networkAccountId });
      const byName = new Map(
        (await app.notifications.listOperatorTasks()).map((task) => [task.name, task]),
      );
      assert.equal(byName.get(notificationTask)?.trigger, 'networkOperatorNotification');
      assert.equal(byName.get(notificationTask)?.networkAccountId, driver.networkAccountId);
      assert.equal(byName.get(entitlementTask)?.trigger, 'tetheringEntitlementCheck');
      assert.equal(byName.get(entitlementTask)?.networkAccountId, undefined);
    });

    test.it(badIds, async () => {
      const app = await open();
      const secretish = '8944100000000000000F';
      const bad: unknown[] = [
        '',
        `${secretish}${'7'.repeat(260)}`,
        `${secretish}\n`,
        `${secretish}\u0000x`,
        42,
        undefined,
      ];
      for (const networkAccountId of bad) {
        await assert.rejects(
          app.notifications.registerOperatorTasks({ networkAccountId } as never),
          rejectsWith('ERR_INVALID_ARGUMENT', (error) => {
            assert.ok(!error.message.includes(secretish), `masked: ${error.message}`);
          }),
        );
      }
      await assert.rejects(
        app.notifications.registerOperatorTasks(null as never),
        rejectsWith('ERR_INVALID_ARGUMENT'),
      );
      // A refused id registers nothing.
      assert.deepEqual(await app.notifications.listOperatorTasks(), []);
      // 256 characters is still an id.
      const longest = 'A'.repeat(256);
      const tasks = await app.notifications.registerOperatorTasks({ networkAccountId: longest });
      assert.equal(tasks[0]?.networkAccountId, longest);
    });

    test.it(denied, async () => {
      const app = await open();
      for (const status of ['denied', 'deniedBySystemPolicy', 'deniedByUser'] as const) {
        await driver.setBackgroundAccess(status);
        await assert.rejects(
          app.notifications.registerOperatorTasks({ networkAccountId: driver.networkAccountId }),
          rejectsWith('ERR_NOT_AUTHORIZED', (error) => {
            assert.ok(error.message.includes(`'${status}'`), error.message);
            assert.equal(error.details?.backgroundAccessStatus, status);
          }),
        );
      }
      assert.deepEqual(await app.notifications.listOperatorTasks(), []);
      await driver.setBackgroundAccess('allowedSubjectToSystemPolicy');
      const tasks = await app.notifications.registerOperatorTasks({
        networkAccountId: driver.networkAccountId,
      });
      assert.equal(tasks.length, 2);
    });

    test.it(noIdentity, async () => {
      const app = await open(true);
      const calls = [
        () =>
          app.notifications.registerOperatorTasks({ networkAccountId: driver.networkAccountId }),
        () => app.notifications.listOperatorTasks(),
        () => app.notifications.unregisterOperatorTasks(),
      ];
      for (const call of calls) {
        await assert.rejects(
          call(),
          rejectsWith('ERR_PACKAGE_IDENTITY_REQUIRED', (error) => {
            assert.ok(error.message.includes('docs/packaging.md'), error.message);
            assert.ok(error.message.includes('wmbb package manifest'), error.message);
            assert.ok(error.message.includes('MSIX'), error.message);
          }),
        );
      }
      assert.deepEqual(await driver.registeredNames(), []);
    });

    test.it(nothingAlive, async () => {
      const app = await open();
      await app.notifications.registerOperatorTasks({ networkAccountId: driver.networkAccountId });
      await app.notifications.registerOperatorTasks({ networkAccountId: driver.networkAccountId });
      await app.notifications.listOperatorTasks();
      await app.notifications.unregisterOperatorTasks();
      await driver.setBackgroundAccess('deniedByUser');
      await assert.rejects(
        app.notifications.registerOperatorTasks({ networkAccountId: driver.networkAccountId }),
      );
      await app.close();
      mbb = undefined;
      await backend?.close();
      backend = undefined;
      assert.equal(await driver.liveObjects(), 0);
    });
  });
}
