/** The provisioning conformance driver for the fake. */

import type { ProvisioningApplyOptions } from '../../lib/backend.js';
import { createFakeBackend, type FakeBackend } from '../../lib/fake/fake-backend.js';
import type { ProvisioningScenarioDriver } from './provisioning-driver.js';

export function provisioningFakeDriver(): ProvisioningScenarioDriver {
  let fake: FakeBackend | undefined;
  let applied: string[] = [];
  const current = (): FakeBackend => {
    if (fake === undefined) throw new Error('createBackend() first');
    return fake;
  };
  return {
    name: 'fake',
    networkAccountId: createFakeBackend().account.networkAccountId,
    createBackend() {
      const made = createFakeBackend();
      applied = [];
      // What reaches "Windows" is recorded on the way in.
      const apply = made.provisioning.apply.bind(made.provisioning);
      made.provisioning.apply = (xml: string, options?: ProvisioningApplyOptions) => {
        applied.push(xml);
        return apply(xml, options);
      };
      fake = made;
      return Promise.resolve(made);
    },
    failElements(failures) {
      current().provisioning.scriptNext({ failedElements: failures });
      return Promise.resolve();
    },
    denyNext() {
      current().provisioning.scriptNext('accessDenied');
      return Promise.resolve();
    },
    applied: () => Promise.resolve([...applied]),
    ownerWindows: () => Promise.resolve(current().provisioning.calls.map((c) => c.ownerWindow)),
  };
}
