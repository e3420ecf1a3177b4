/** The provisioning conformance suite on the fake. */

import { vitestApi as api } from './vitest-api.js';
import { defineProvisioningConformance } from './provisioning-conformance.js';
import { provisioningFakeDriver } from './provisioning-fake-driver.js';

defineProvisioningConformance(api, provisioningFakeDriver());
