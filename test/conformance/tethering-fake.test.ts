/** The tethering conformance suite on the fake (the operator's packaged app: events 11/12 reach it). */

import { afterEach, beforeEach, describe, it } from 'vitest';
import { defineTetheringConformance } from './tethering-conformance.js';
import { tetheringFakeDriver } from './tethering-fake-driver.js';
import type { TestApi } from './test-api.js';

const api: TestApi = {
  describe,
  it: (name, body) => it(name, body),
  skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

defineTetheringConformance(api, tetheringFakeDriver({ packaged: true }));
