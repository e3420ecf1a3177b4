/**
 * The tethering conformance suite on the fake as an unpackaged process (the CLI, node.exe):
 * events 11/12 come from the hotspot poll of derived notifications, as they do natively.
 */

import { defineTetheringConformance } from './tethering-conformance.js';
import { tetheringFakeDriver } from './tethering-fake-driver.js';
import { vitestApi as api } from './vitest-api.js';

defineTetheringConformance(api, tetheringFakeDriver({ packaged: false }));
