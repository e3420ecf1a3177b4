/** The eSIM conformance suites on the fake backend. */

import { defineEsimConformance } from './esim-conformance.js';
import { defineEsimOperationsConformance } from './esim-operations-conformance.js';
import { fakeDriver } from './fake-driver.js';
import { vitestApi as api } from './vitest-api.js';

defineEsimConformance(api, fakeDriver());
defineEsimOperationsConformance(api, fakeDriver());
