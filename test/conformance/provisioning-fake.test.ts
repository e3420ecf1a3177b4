/** The provisioning conformance suite on the fake. */

import { afterEach, beforeEach, describe, it } from 'vitest';
import type { TestApi } from './test-api.js';
import { defineProvisioningConformance } from './provisioning-conformance.js';
import { provisioningFakeDriver } from './provisioning-fake-driver.js';

const api: TestApi = {
  describe,
  it: (name, body) => it(name, body),
  skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

defineProvisioningConformance(api, provisioningFakeDriver());
