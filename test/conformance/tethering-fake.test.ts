/**
 * The tethering conformance suite on the fake (the operator's packaged app: events 11/12 reach
 * it), and the lane's list of its checks.
 */

import { defineTetheringConformance, tetheringCheckNames } from './tethering-conformance.js';
import { tetheringFakeDriver } from './tethering-fake-driver.js';
import { laneNamesEvery, vitestApi as api } from './vitest-api.js';

defineTetheringConformance(api, tetheringFakeDriver({ packaged: true }));

laneNamesEvery('tethering', tetheringCheckNames);
