/** The provisioning conformance suite on the fake, and the lane's list of its checks. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vitestApi as api } from './vitest-api.js';
import {
  defineProvisioningConformance,
  provisioningCheckNames,
} from './provisioning-conformance.js';
import { provisioningFakeDriver } from './provisioning-fake-driver.js';

defineProvisioningConformance(api, provisioningFakeDriver());

describe('the Windows lane names every provisioning conformance test', () => {
  it('lists each in test/windows/run.sh', () => {
    const lane = readFileSync(path.join(__dirname, '..', 'windows', 'run.sh'), 'utf8');
    for (const name of provisioningCheckNames) expect(lane).toContain(`"${name}"`);
  });
});
