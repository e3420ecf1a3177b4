/** The operator-tasks conformance suite on the fake, and the lane's list of its checks. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defineOperatorTasksConformance,
  operatorTasksCheckNames,
} from './operator-tasks-conformance.js';
import { operatorTasksFakeDriver } from './operator-tasks-fake-driver.js';
import { vitestApi as api } from './vitest-api.js';

defineOperatorTasksConformance(api, operatorTasksFakeDriver());

describe('the Windows lane names every operator-tasks conformance test', () => {
  it('lists each in test/windows/run.sh', () => {
    const lane = readFileSync(path.join(__dirname, '..', 'windows', 'run.sh'), 'utf8');
    for (const name of operatorTasksCheckNames) expect(lane).toContain(`"${name}"`);
  });
});
