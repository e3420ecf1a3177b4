/** The tethering conformance suite on the fake (the operator's packaged app: events 11/12 reach it). */

import { defineTetheringConformance } from './tethering-conformance.js';
import { tetheringFakeDriver } from './tethering-fake-driver.js';
import { vitestApi as api } from './vitest-api.js';

defineTetheringConformance(api, tetheringFakeDriver({ packaged: true }));
