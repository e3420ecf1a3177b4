/** The modems conformance driver on `createFakeBackend({ packaged: false })`. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeBackend } from '../../lib/fake/fake-backend.js';
import { createFakeBackend } from '../../lib/fake/fake-backend.js';
import type { VirtualClock } from '../../lib/fake/virtual-clock.js';
import type { ModemsScenarioDriver } from './modems-driver.js';

const provisioning = readFileSync(
  path.join(__dirname, '..', '..', 'examples', 'contoso-provisioning.xml'),
  'utf8',
);

/** One macrotask turn: subscriptions started by a listener have run their first steps. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function modemsFakeDriver(): ModemsScenarioDriver {
  let fake: FakeBackend | undefined;
  const current = (): FakeBackend => {
    if (fake === undefined) throw new Error('createBackend() first');
    return fake;
  };
  return {
    name: 'fake (unpackaged)',
    get networkAccountId() {
      return current().account.networkAccountId;
    },
    async createBackend(setup = {}) {
      fake = createFakeBackend({ packaged: false });
      await fake.provision(provisioning);
      if (setup.billingCycle !== false)
        fake.setBillingCycle({ start: fake.clock.now(), duration: 'P1M' });
      return fake;
    },
    register: async (state) => void (await current().register(state)),
    connect: async () => void (await current().connect()),
    disconnect: async () => void (await current().disconnect()),
    use: async (bytes) => void (await current().transfer(bytes)),
    passBillingCycle: async () => void (await current().resetBillingCycle()),
    deletePlan: async () => void (await current().expirePlan()),
    advance: (ms) => current().advance(ms),
    pendingTimers: () => (current().clock as VirtualClock).pendingTimers,
    settle: async () => {
      await turn();
      await current().settled();
    },
  };
}
