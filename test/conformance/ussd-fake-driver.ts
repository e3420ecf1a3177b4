/** The USSD conformance driver for the fake. */

import { createFakeBackend, type FakeBackend } from '../../lib/fake/fake-backend.js';
import type { UssdScenarioDriver } from './ussd-driver.js';

export function ussdFakeDriver(): UssdScenarioDriver {
  let fake: FakeBackend | undefined;
  const current = (): FakeBackend => {
    if (fake === undefined) throw new Error('createBackend() first');
    return fake;
  };
  return {
    name: 'fake',
    networkAccountId: createFakeBackend().account.networkAccountId,
    createBackend() {
      fake = createFakeBackend();
      return Promise.resolve(fake);
    },
    scriptReplies(...replies) {
      current().ussd.scriptReply(...replies);
      return Promise.resolve();
    },
    sent: () => Promise.resolve(current().ussd.sent()),
  };
}
