/** The modems and derived-notifications conformance suite on the unpackaged fake. */

import { defineModemsConformance } from './modems-conformance.js';
import { modemsFakeDriver } from './modems-fake-driver.js';
import { vitestApi as api } from './vitest-api.js';

defineModemsConformance(api, modemsFakeDriver());
