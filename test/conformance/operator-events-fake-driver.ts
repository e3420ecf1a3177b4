/** The operator-events conformance driver for the fake, which plays the operator's app. */

import { createFakeBackend, type FakeBackend } from '../../lib/fake/index.js';
import type { RawNotification } from '../../lib/backend.js';
import type { OperatorEvent, OperatorEventsDriver } from './operator-events-driver.js';

function rawOf(event: OperatorEvent): RawNotification {
  return {
    origin: 'system',
    messageType: event.messageType,
    networkAccountId: event.networkAccountId,
    ...(event.message === undefined ? {} : { message: event.message }),
    ...(event.ruleId === undefined ? {} : { ruleId: event.ruleId }),
    ...(event.encodingType === undefined ? {} : { encodingType: event.encodingType }),
    ...(event.pdu === undefined ? {} : { pdu: event.pdu }),
    ...(event.issues === undefined ? {} : { issues: event.issues }),
  };
}

export function operatorEventsFakeDriver(): OperatorEventsDriver {
  let fake: FakeBackend = createFakeBackend();
  return {
    name: 'fake',
    createBackend: () => {
      fake = createFakeBackend();
      return Promise.resolve(fake);
    },
    notify: (event) => fake.notify(rawOf(event)),
    checkEntitlement: async (event) => {
      const { record, delivered } = fake.notifications.queue(rawOf(event));
      await delivered;
      return await fake.notifications.answerOf(record.entitlementCheckId!);
    },
    advance: (ms) => fake.advance(ms),
  };
}
