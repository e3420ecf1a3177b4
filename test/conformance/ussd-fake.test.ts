/** The USSD conformance suite on the fake. */

import { vitestApi as api } from './vitest-api.js';
import { defineUssdConformance } from './ussd-conformance.js';
import { ussdFakeDriver } from './ussd-fake-driver.js';

defineUssdConformance(api, ussdFakeDriver());
