/** The eSIM conformance suite on the fake backend. */

import { afterEach, beforeEach, describe, it } from 'vitest';
import { defineEsimConformance } from './esim-conformance.js';
import { fakeDriver } from './fake-driver.js';

defineEsimConformance(
  {
    describe,
    it: (name, body) => it(name, body),
    skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
    beforeEach: (body) => beforeEach(body),
    afterEach: (body) => afterEach(body),
  },
  fakeDriver(),
);
