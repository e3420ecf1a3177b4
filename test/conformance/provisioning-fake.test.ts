/** The provisioning conformance suite on the fake, and the lane's list of its checks. */

import { laneNamesEvery, vitestApi as api } from './vitest-api.js';
import {
  defineProvisioningConformance,
  provisioningCheckNames,
} from './provisioning-conformance.js';
import { provisioningFakeDriver } from './provisioning-fake-driver.js';

defineProvisioningConformance(api, provisioningFakeDriver());

laneNamesEvery('provisioning', provisioningCheckNames);
