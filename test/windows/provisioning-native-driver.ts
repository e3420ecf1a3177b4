/**
 * The provisioning conformance driver for the native backend under Wine: "Windows" is the test
 * component's ProvisioningAgent (native/test-component/provisioning-agent.cpp), scripted and
 * read through the control addon.
 */

import { createNativeBackend } from '../../lib/native/native-backend.js';
import type { ProvisioningScenarioDriver } from '../conformance/provisioning-driver.js';
import {
  provisioningAccountId,
  provisioningControl,
  resetProvisioning,
} from './provisioning-control.js';

export function provisioningNativeDriver(): ProvisioningScenarioDriver {
  const control = provisioningControl();
  return {
    name: 'native (Windows node.exe under Wine, test component)',
    networkAccountId: provisioningAccountId,
    async createBackend() {
      resetProvisioning(control);
      return await createNativeBackend();
    },
    failElements(failures) {
      control.provisioningScriptNext({ failedElements: failures });
      return Promise.resolve();
    },
    denyNext() {
      control.provisioningScriptNext({ operationError: 0x80070005 });
      return Promise.resolve();
    },
    applied: () =>
      Promise.resolve(control.provisioningApplied().map((applied) => applied.document)),
    ownerWindows: () =>
      Promise.resolve(
        control
          .provisioningApplied()
          .map((applied) => (applied.ownerWindow === 0n ? undefined : applied.ownerWindow)),
      ),
  };
}
