/**
 * The operator-tasks conformance driver for the native backend under Wine: "Windows" is the
 * test component's BackgroundTaskBuilder, triggers, BackgroundTaskRegistration and
 * BackgroundExecutionManager (native/test-component/background-tasks.cpp), set through the
 * control addon and WMBB_TEST_BACKGROUND_ACCESS.
 *
 * Wine gives no process package identity, so the packaged backend is made with the test-only
 * `assumePackageIdentity`; the unpackaged one is the real check (GetCurrentPackageFullName
 * answering APPMODEL_ERROR_NO_PACKAGE).
 */

import { backgroundAccessStatuses } from '../../lib/notifications/operator-tasks.js';
import type { NativeAddon } from '../../lib/native/addon-types.js';
import { loadAddon } from '../../lib/native/load-addon.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import type { OperatorTasksDriver } from '../conformance/operator-tasks-driver.js';

interface TasksControl {
  reset(): void;
  liveObjects(): number;
  waitIdle(timeoutMs: number): boolean;
}

/** Where the component reads what RequestAccessAsync answers (a BackgroundAccessStatus value). */
const accessVariable = 'WMBB_TEST_BACKGROUND_ACCESS';

export function operatorTasksNativeDriver(): OperatorTasksDriver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  const control = require(process.env.WMBB_TEST_CONTROL_ADDON!) as TasksControl;
  const addon = loadAddon<NativeAddon>();
  const networkAccountId = '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}';
  const fresh = (): void => {
    control.reset();
    delete process.env[accessVariable];
  };
  return {
    name: 'native (Windows node.exe under Wine, test component)',
    networkAccountId,
    async createBackend() {
      fresh();
      return await createNativeBackend({ assumePackageIdentity: true });
    },
    async createUnpackagedBackend() {
      fresh();
      return await createNativeBackend();
    },
    setBackgroundAccess(status) {
      process.env[accessVariable] = String(backgroundAccessStatuses.indexOf(status));
      return Promise.resolve();
    },
    async addForeignTask(name) {
      await addon.operatorTasks.register(name, 'Contoso.App.Entry', 1, networkAccountId).promise;
    },
    async registeredNames() {
      const all = await addon.operatorTasks.list('').promise;
      return all.map((task) => task.name).sort();
    },
    async liveObjects() {
      await addon.core.flush().promise;
      control.waitIdle(5000);
      return control.liveObjects();
    },
  };
}
