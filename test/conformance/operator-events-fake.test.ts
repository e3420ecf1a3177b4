/** The operator-events conformance suite on the fake (the native run: test/windows). */

import { afterEach, beforeEach, describe, it } from 'vitest';
import { defineOperatorEventsConformance } from './operator-events-conformance.js';
import { operatorEventsFakeDriver } from './operator-events-fake-driver.js';

defineOperatorEventsConformance(
  { describe, it, skip: (name) => it.skip(name, () => undefined), beforeEach, afterEach },
  operatorEventsFakeDriver(),
);
