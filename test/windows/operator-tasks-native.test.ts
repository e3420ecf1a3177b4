/**
 * The operator-task registration helpers (issue 13 item 3) on the native addon, run by
 * `node --test` in Windows' node.exe under Wine (test/windows/run.sh bundles this file with
 * esbuild): the conformance suite the fake also runs, then what only the native side has — the
 * trigger read back failing, Windows refusing a registration, and a second registration failing
 * after the first succeeded.
 */

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Backend } from '../../lib/backend.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import { defineOperatorTasksConformance } from '../conformance/operator-tasks-conformance.js';
import { operatorTasksNativeDriver } from './operator-tasks-native-driver.js';
import { nodeTestApi } from './node-test-api.js';

interface TasksControl {
  reset(): void;
  setFailure(member: string, hresult: number): void;
  liveObjects(): number;
  waitIdle(timeoutMs: number): boolean;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
const control = require(process.env.WMBB_TEST_CONTROL_ADDON!) as TasksControl;
const accountId = '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}';

const api = nodeTestApi(60_000);

defineOperatorTasksConformance(api, operatorTasksNativeDriver());

void describe('native operator tasks: what only Windows does', () => {
  let backend: Backend;
  beforeEach(async () => {
    control.reset();
    delete process.env.WMBB_TEST_BACKGROUND_ACCESS;
    backend = await createNativeBackend({ assumePackageIdentity: true });
  });
  afterEach(async () => {
    await backend.close();
    control.waitIdle(5000);
    assert.equal(control.liveObjects(), 0, 'component objects alive after close()');
  });
  const tasks = () => backend.notifications.operatorTasks!;

  void it('a trigger Windows cannot read back is told by the task name', async () => {
    await tasks().register({ networkAccountId: accountId });
    control.setFailure('BackgroundTaskRegistration.Trigger', 0x80004001);
    const listed = await tasks().list();
    assert.deepEqual(
      listed.map((task) => [task.name, task.trigger, task.networkAccountId]),
      [
        ['WindowsMobileBroadband.OperatorNotification', 'networkOperatorNotification', undefined],
        [
          'WindowsMobileBroadband.TetheringEntitlementCheck',
          'tetheringEntitlementCheck',
          undefined,
        ],
      ],
    );
    assert.equal(await tasks().unregister(), 2);
  });

  void it('Windows refusing the registration is ERR_NOT_AUTHORIZED naming the manifest', async () => {
    control.setFailure('BackgroundTaskBuilder.Register', 0x80070005);
    await assert.rejects(tasks().register({ networkAccountId: accountId }), (error: unknown) => {
      assert.ok(error instanceof MobileBroadbandError);
      assert.equal(error.code, 'ERR_NOT_AUTHORIZED');
      assert.ok(error.message.includes('BackgroundTaskBuilder.Register'), error.message);
      assert.ok(error.message.includes('wmbb package manifest'), error.message);
      return true;
    });
    control.setFailure('BackgroundTaskBuilder.Register', 0);
    assert.deepEqual(await tasks().list(), []);
  });

  void it('AllTasks failing is a typed error naming the call', async () => {
    control.setFailure('BackgroundTaskRegistration.AllTasks', 0x800706ba);
    await assert.rejects(tasks().list(), (error: unknown) => {
      assert.ok(error instanceof MobileBroadbandError);
      assert.equal(error.code, 'ERR_SERVICE_UNAVAILABLE');
      assert.ok(error.message.includes('BackgroundTaskRegistration.AllTasks'), error.message);
      assert.ok(error.message.includes('BrokerInfrastructure'), error.message);
      return true;
    });
  });

  void it('a second registration that fails takes the first back', async () => {
    control.setFailure('TetheringEntitlementCheckTrigger()', 0x80004005);
    await assert.rejects(tasks().register({ networkAccountId: accountId }), (error: unknown) => {
      assert.ok(error instanceof MobileBroadbandError);
      assert.ok(error.message.includes('TetheringEntitlementCheckTrigger()'), error.message);
      return true;
    });
    assert.deepEqual(await tasks().list(), []);
  });
});
