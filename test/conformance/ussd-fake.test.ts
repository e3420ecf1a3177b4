/** The USSD conformance suite on the fake, and the lane's list of its checks. */

import { laneNamesEvery, vitestApi as api } from './vitest-api.js';
import { defineUssdConformance, ussdCheckNames } from './ussd-conformance.js';
import { ussdFakeDriver } from './ussd-fake-driver.js';

defineUssdConformance(api, ussdFakeDriver());

laneNamesEvery('USSD', ussdCheckNames);
