/** The eSIM conformance suites on the fake backend. */

import { afterEach, beforeEach, describe, it } from 'vitest';
import { defineEsimConformance } from './esim-conformance.js';
import { defineEsimOperationsConformance } from './esim-operations-conformance.js';
import { fakeDriver } from './fake-driver.js';
import type { TestApi } from './test-api.js';

const api: TestApi = {
  describe,
  it: (name, body) => it(name, body),
  skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

defineEsimConformance(api, fakeDriver());
defineEsimOperationsConformance(api, fakeDriver());
