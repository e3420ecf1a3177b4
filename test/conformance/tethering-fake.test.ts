/**
 * The tethering conformance suite on the fake (the operator's packaged app: events 11/12 reach
 * it), and the lane's list of its checks.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineTetheringConformance, tetheringCheckNames } from './tethering-conformance.js';
import { tetheringFakeDriver } from './tethering-fake-driver.js';
import { vitestApi as api } from './vitest-api.js';

defineTetheringConformance(api, tetheringFakeDriver({ packaged: true }));

describe('the Windows lane names every tethering conformance test', () => {
  it('lists each in test/windows/run.sh', () => {
    const lane = readFileSync(path.join(__dirname, '..', 'windows', 'run.sh'), 'utf8');
    for (const name of tetheringCheckNames) expect(lane).toContain(`"${name}"`);
  });
});
