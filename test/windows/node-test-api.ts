/**
 * The conformance suites' {@link TestApi} on `node:test`, as the Wine lane runs them in
 * Windows' node.exe (vitest-api.ts is the same for the fake's runs in vitest).
 */

import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TestApi } from '../conformance/test-api.js';

/** Each test may take `timeoutMs` (node:test's default, none, when absent). */
export function nodeTestApi(timeoutMs?: number): TestApi {
  const options = timeoutMs === undefined ? {} : { timeout: timeoutMs };
  return {
    describe: (name, body) => void describe(name, body),
    it: (name, body) => void it(name, options, body),
    skip: (name, reason) => void it(name, { skip: reason }, () => undefined),
    beforeEach: (body) => beforeEach(body),
    afterEach: (body) => afterEach(body),
  };
}
