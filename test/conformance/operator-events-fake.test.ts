/** The operator-events conformance suite on the fake (the native run: test/windows). */

import { defineOperatorEventsConformance } from './operator-events-conformance.js';
import { operatorEventsFakeDriver } from './operator-events-fake-driver.js';
import { vitestApi } from './vitest-api.js';

defineOperatorEventsConformance(vitestApi, operatorEventsFakeDriver());
