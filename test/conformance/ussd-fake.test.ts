/** The USSD conformance suite on the fake. */

import { afterEach, beforeEach, describe, it } from 'vitest';
import type { TestApi } from './test-api.js';
import { defineUssdConformance } from './ussd-conformance.js';
import { ussdFakeDriver } from './ussd-fake-driver.js';

const api: TestApi = {
  describe,
  it: (name, body) => it(name, body),
  skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

defineUssdConformance(api, ussdFakeDriver());
