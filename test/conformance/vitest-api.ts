/** The conformance suites' {@link TestApi} over vitest (the fake's runs; Wine's use node:test). */

import { afterEach, beforeEach, describe, it } from 'vitest';
import type { TestApi } from './test-api.js';

export const vitestApi: TestApi = {
  describe,
  it: (name, body) => it(name, body),
  skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};
