import { describe, expect, it } from 'vitest';
import { parseProvisioningResults } from '../../lib/provisioning/index.js';

/** A result document as Windows writes it: v1 with the v2 additions, some elements failed. */
const realistic = `<?xml version="1.0" encoding="utf-8"?>
<CarrierProvisioningResult xmlns="http://www.microsoft.com/networking/CarrierControlResults/v1"
    xmlns:v2="http://www.microsoft.com/networking/CarrierControlResults/v2" errorCode="S_OK">
  <Issuer errorCode="S_OK"/>
  <Subscriber errorCode="S_OK"/>
  <MBNProfiles>
    <DefaultProfile name="Contoso" errorCode="S_OK"/>
    <PurchaseProfile name="Contoso Purchase" errorCode="80070057"/>
  </MBNProfiles>
  <WLANProfiles errorCode="80070005"/>
  <v2:Plans>
    <v2:Plan name="Contoso Data" errorCode="0x80070490"/>
  </v2:Plans>
  <Provisioning>
    <RefreshParameters errorCode="S_OK"/>
  </Provisioning>
</CarrierProvisioningResult>
`;

describe('parseProvisioningResults', () => {
  it('reads every element with an errorCode, failed ones with their HRESULT and why', () => {
    const parsed = parseProvisioningResults(realistic, false);
    expect(parsed.allElementsProvisioned).toBe(false);
    expect(parsed.results).toEqual([
      { element: 'Issuer', path: 'Issuer', success: true },
      { element: 'Subscriber', path: 'Subscriber', success: true },
      {
        element: 'DefaultProfile',
        path: 'MBNProfiles/DefaultProfile',
        name: 'Contoso',
        success: true,
      },
      {
        element: 'PurchaseProfile',
        path: 'MBNProfiles/PurchaseProfile',
        name: 'Contoso Purchase',
        success: false,
        errorCode: '0x80070057',
        error: 'E_INVALIDARG: Windows rejected a value of the element',
      },
      {
        element: 'WLANProfiles',
        path: 'WLANProfiles',
        success: false,
        errorCode: '0x80070005',
        error:
          "E_ACCESSDENIED: the element belongs to another mobile operator's profiles, which this app may not change",
      },
      {
        element: 'Plan',
        path: 'Plans/Plan',
        name: 'Contoso Data',
        success: false,
        errorCode: '0x80070490',
        error: 'ERROR_NOT_FOUND: what the element refers to is not on this machine',
      },
      { element: 'RefreshParameters', path: 'Provisioning/RefreshParameters', success: true },
    ]);
  });

  it("a failed element makes allElementsProvisioned false even when Windows' flag says true", () => {
    expect(parseProvisioningResults(realistic, true).allElementsProvisioned).toBe(false);
  });

  it('all S_OK: provisioned; a failing root is reported; unknown codes are failures', () => {
    const ok = parseProvisioningResults(
      '<CarrierProvisioningResult errorCode="S_OK"><Issuer errorCode="00000000"/></CarrierProvisioningResult>',
    );
    expect(ok).toEqual({
      allElementsProvisioned: true,
      results: [{ element: 'Issuer', path: 'Issuer', success: true }],
    });
    const whole = parseProvisioningResults(
      '<CarrierProvisioningResult errorCode="80004005"><Issuer errorCode="bogus"/></CarrierProvisioningResult>',
    );
    expect(whole.allElementsProvisioned).toBe(false);
    expect(whole.results).toEqual([
      {
        element: 'CarrierProvisioningResult',
        path: 'CarrierProvisioningResult',
        success: false,
        errorCode: '0x80004005',
        error: 'E_FAIL',
      },
      {
        element: 'Issuer',
        path: 'Issuer',
        success: false,
        error: 'an errorCode Windows does not document: bogus',
      },
    ]);
    expect(
      parseProvisioningResults(
        '<CarrierProvisioningResult><X errorCode="8badf00d"/></CarrierProvisioningResult>',
      ).results[0]?.error,
    ).toBe('HRESULT 0x8badf00d');
  });

  it('not a result document: ERR_PROVISIONING_XML; not a string: ERR_INVALID_ARGUMENT', () => {
    expect(() => parseProvisioningResults('<CarrierProvisioning/>')).toThrow(
      expect.objectContaining({ code: 'ERR_PROVISIONING_XML' }),
    );
    expect(() => parseProvisioningResults(7 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});
