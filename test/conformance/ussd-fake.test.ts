/** The USSD conformance suite on the fake, and the lane's list of its checks. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vitestApi as api } from './vitest-api.js';
import { defineUssdConformance, ussdCheckNames } from './ussd-conformance.js';
import { ussdFakeDriver } from './ussd-fake-driver.js';

defineUssdConformance(api, ussdFakeDriver());

describe('the Windows lane names every USSD conformance test', () => {
  it('lists each in test/windows/run.sh', () => {
    const lane = readFileSync(path.join(__dirname, '..', 'windows', 'run.sh'), 'utf8');
    for (const name of ussdCheckNames) expect(lane).toContain(`"${name}"`);
  });
});
