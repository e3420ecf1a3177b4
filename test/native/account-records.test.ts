import { describe, expect, it } from 'vitest';
import { decodeAccountRecords, type AccountRecord } from '../../lib/native/account-records.js';
import { RecordEncoder } from './record-encoder.js';

export const fullAccount: AccountRecord = {
  networkAccountId: '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}',
  serviceProviderGuid: '{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}',
  serviceProviderName: 'Contoso Mobile',
  device: {
    deviceId: '\\\\?\\USB#VID_2C7C&PID_0125#modem-a',
    manufacturer: 'Quectel',
    model: 'EM120R-GL',
    firmwareInformation: 'EM120RGLAPR02A07M4G',
    deviceType: 1,
    cellularClass: 1,
    dataClasses: 0x80000024, // Custom | LteAdvanced | Umts
    customDataClass: '5G NSA',
    mobileEquipmentId: '356938035643809',
    subscriberId: '310410123456789',
    simIccId: '8901410321111851072',
    telephoneNumbers: ['+15555550100', '+15555550101'],
    currentRadioState: 1,
    networkDeviceStatus: 1,
  },
  network: {
    networkRegistrationState: 4,
    registeredProviderId: '23415',
    registeredProviderName: 'Fabrikam UK',
    registrationNetworkError: 0,
    packetAttachNetworkError: 0x80000001,
    activationNetworkError: 0,
    accessPointName: 'internet.contoso.example',
    registeredDataClass: 0x20,
    networkAdapterId: '{6B1D5A2E-0F3C-4A9B-8E7D-2C1B0A9F8E7D}',
  },
  connection: {
    profileName: 'Contoso Mobile',
    connectivityLevel: 3,
    signalBars: 4,
    dataPlan: {
      megabytesUsed: 4096,
      lastSyncTime: Date.UTC(2026, 11, 4, 7, 30),
      limitMegabytes: 0xfffffff0,
      nextBillingCycle: Date.UTC(2027, 0, 1),
    },
  },
  failure: undefined,
};

describe('decodeAccountRecords', () => {
  it('decodes every field, unsigned flags and errors included', () => {
    const [words, text] = new RecordEncoder().account(fullAccount).batch();
    expect(decodeAccountRecords(words, text)).toEqual({ accounts: [fullAccount], errors: [] });
  });

  it('an account without device information or network, and one read in part', () => {
    const bare: AccountRecord = {
      ...fullAccount,
      networkAccountId: 'acct-2',
      device: undefined,
      network: undefined,
      connection: undefined,
      failure: { hresult: 0x800706ba, call: 'MobileBroadbandAccount.CurrentNetwork' },
    };
    const [words, text] = new RecordEncoder().account(bare).account(fullAccount).batch();
    expect(decodeAccountRecords(words, text).accounts).toEqual([bare, fullAccount]);
  });

  it('an older Windows without IMobileBroadbandAccount2, and a profile without a plan or bars', () => {
    const older: AccountRecord = { ...fullAccount, connection: 'unknown' };
    const planless: AccountRecord = {
      ...fullAccount,
      connection: {
        profileName: 'x',
        connectivityLevel: 0,
        signalBars: undefined,
        dataPlan: undefined,
      },
    };
    const [words, text] = new RecordEncoder().account(older).account(planless).batch();
    expect(decodeAccountRecords(words, text).accounts).toEqual([older, planless]);
  });

  it('keeps the accounts around one that went away, reporting it', () => {
    const encoder = new RecordEncoder()
      .account(fullAccount)
      .error(0x80070490, 'MobileBroadbandAccount.CreateFromNetworkAccountId');
    const result = decodeAccountRecords(...encoder.batch());
    expect(result.accounts).toEqual([fullAccount]);
    expect(result.errors).toEqual([
      { hresult: 0x80070490, call: 'MobileBroadbandAccount.CreateFromNetworkAccountId' },
    ]);
  });

  it('a truncated or unknown record is one error, never data', () => {
    const [words, text] = new RecordEncoder().account(fullAccount).batch();
    const cut = decodeAccountRecords(words.slice(0, 20), text);
    expect(cut.accounts).toEqual([]);
    expect(cut.errors).toEqual([
      { hresult: 0x8000ffff, call: expect.stringContaining('decoding an account record') },
    ]);
    const unknown = decodeAccountRecords(Int32Array.from([0x1ff]), '');
    expect(unknown.errors[0]?.call).toContain('unknown account record kind 511');
  });
});
