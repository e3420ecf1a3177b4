/** The modems and derived-notifications conformance suite on the unpackaged fake. */

import { afterEach, beforeEach, describe, it } from 'vitest';
import { defineModemsConformance } from './modems-conformance.js';
import { modemsFakeDriver } from './modems-fake-driver.js';
import type { TestApi } from './test-api.js';

const api: TestApi = {
  describe,
  it: (name, body) => it(name, body),
  skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

defineModemsConformance(api, modemsFakeDriver());
