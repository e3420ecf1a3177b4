/** The conformance suites' {@link TestApi} over vitest (the fake's runs; Wine's use node:test). */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi } from './test-api.js';

export const vitestApi: TestApi = {
  describe,
  it: (name, body) => it(name, body),
  skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

/**
 * The test that the Windows lane (test/windows/run.sh) names each of a suite's conformance
 * tests in its summary, so that a test added to the suite is not left out there.
 */
export function laneNamesEvery(suite: string, names: readonly string[]): void {
  describe(`the Windows lane names every ${suite} conformance test`, () => {
    it('lists each in test/windows/run.sh', () => {
      const lane = readFileSync(path.join(__dirname, '..', 'windows', 'run.sh'), 'utf8');
      for (const name of names) expect(lane).toContain(`"${name}"`);
    });
  });
}
