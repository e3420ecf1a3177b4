/** The operator-tasks conformance suite on the fake, and the lane's list of its checks. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defineOperatorTasksConformance,
  operatorTasksCheckNames,
} from './operator-tasks-conformance.js';
import { operatorTasksFakeDriver } from './operator-tasks-fake-driver.js';
import type { TestApi } from './test-api.js';

const api: TestApi = {
  describe,
  it: (name, body) => it(name, body),
  skip: (name, reason) => it.skip(`${name} — skipped: ${reason}`, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

defineOperatorTasksConformance(api, operatorTasksFakeDriver());

describe('the Windows lane names every operator-tasks conformance test', () => {
  it('lists each in test/windows/run.sh', () => {
    const lane = readFileSync(path.join(__dirname, '..', 'windows', 'run.sh'), 'utf8');
    for (const name of operatorTasksCheckNames) expect(lane).toContain(`"${name}"`);
  });
});
