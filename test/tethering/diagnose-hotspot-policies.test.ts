/**
 * The blocking policies' remedies in diagnoseHotspot: each known policy (the ones the native
 * backend reads) has its documented meaning; an unknown name still gets a remedy naming it.
 */

import { describe, expect, it } from 'vitest';
import type { TetheringDiagnostics, TetheringStatus } from '../../lib/backend.js';
import { blockingPolicyRemedies, diagnoseHotspot } from '../../lib/tethering/diagnose-hotspot.js';

const status: TetheringStatus = {
  capability: 'enabled',
  operationalState: 'off',
  clientCount: 0,
  maxClientCount: 8,
};
const healthy: TetheringDiagnostics = {
  mobileHotspotService: 'running',
  wlanService: 'running',
  wifiRadio: 'on',
  internetProfile: true,
  blockingPolicies: [],
};

const policyFinding = (blockingPolicies: string[]) =>
  diagnoseHotspot(status, { ...healthy, blockingPolicies }).findings.find(
    (finding) => finding.check === 'blockingPolicy',
  )!;

describe('diagnoseHotspot: blocking policies', () => {
  it('no policy: ok, no remedy', () => {
    expect(policyFinding([])).toMatchObject({ ok: true, remedy: null });
  });

  it.each(Object.keys(blockingPolicyRemedies))(
    '%s: its documented meaning as the remedy',
    (name) => {
      const finding = policyFinding([name]);
      expect(finding.ok).toBe(false);
      expect(finding.summary).toContain(name);
      expect(finding.remedy).toBe(blockingPolicyRemedies[name]);
    },
  );

  it('the Group Policy is named as Windows shows it', () => {
    expect(policyFinding(['NC_ShowSharedAccessUI']).remedy).toContain(
      'Prohibit use of Internet Connection Sharing on your DNS domain network',
    );
  });

  it('both at once: both remedies; an unknown name still gets one', () => {
    const finding = policyFinding(['NC_ShowSharedAccessUI', 'Wifi/AllowInternetSharing', 'Other']);
    expect(finding.remedy).toContain(blockingPolicyRemedies.NC_ShowSharedAccessUI);
    expect(finding.remedy).toContain(blockingPolicyRemedies['Wifi/AllowInternetSharing']);
    expect(finding.remedy).toContain('Other: ask whoever manages this PC');
  });
});
