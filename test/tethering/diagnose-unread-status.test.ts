/**
 * `mbb.tethering.diagnose()` when Windows cannot give the hotspot's status (the native backend
 * without an internet connection to share): the internet-profile finding says so once (there
 * was no hotspot to ask for its capability); any other failure is the capability finding, with
 * its message and a remedy; the other findings are still made.
 */

import { describe, expect, it } from 'vitest';
import type { TetheringBackend } from '../../lib/backend.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import { Tethering } from '../../lib/tethering/tethering.js';

const facts = {
  mobileHotspotService: 'stopped',
  wlanService: 'running',
  wifiRadio: 'on',
  internetProfile: false,
  blockingPolicies: [],
} as const;

function backend(status: () => Promise<never>): TetheringBackend {
  return {
    status,
    diagnostics: () => Promise.resolve({ ...facts, blockingPolicies: [] }),
  } as unknown as TetheringBackend;
}

describe('diagnose() with a status Windows cannot give', () => {
  it('no internet connection: one finding (internetProfile), no capability finding, capability null', async () => {
    const noInternet = new MobileBroadbandError(
      'ERR_INVALID_STATE',
      'Reading the hotspot status: there is no internet connection to share',
    );
    const diagnosis = await new Tethering(backend(() => Promise.reject(noInternet))).diagnose();
    expect(diagnosis.canStart).toBe(false);
    expect(diagnosis.capability).toBeNull();
    expect(diagnosis.findings.find((f) => f.check === 'capability')).toBeUndefined();
    expect(diagnosis.findings.find((f) => f.check === 'internetProfile')?.ok).toBe(false);
  });

  it('another failure is the capability finding, with its message and a remedy', async () => {
    const refused = new MobileBroadbandError(
      'ERR_SERVICE_UNAVAILABLE',
      'Reading the hotspot status: the Windows Mobile Hotspot Service (icssvc) is not available',
    );
    const diagnosis = await new Tethering(backend(() => Promise.reject(refused))).diagnose();
    expect(diagnosis.canStart).toBe(false);
    expect(diagnosis.capability).toBeNull();
    const capability = diagnosis.findings.find((f) => f.check === 'capability');
    expect(capability).toMatchObject({ ok: false });
    expect(capability?.summary).toContain('icssvc');
    expect(capability?.remedy?.length).toBeGreaterThan(10);
  });

  it('still rejects what is not a MobileBroadbandError (a bug, not a finding)', async () => {
    const bug = new TypeError('x is not a function');
    await expect(new Tethering(backend(() => Promise.reject(bug))).diagnose()).rejects.toBe(bug);
  });
});
