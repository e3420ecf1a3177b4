/**
 * The native backend's modems part over a scripted stand-in for the addon (the real addon and
 * the test component's accounts run in the Wine lane): mapping, unknown ids, partial reads.
 */

import { describe, expect, it } from 'vitest';
import type { MobileBroadbandError } from '../../lib/errors.js';
import type { NativeAddon, NativeOperation, NativeRecords } from '../../lib/native/addon-types.js';
import { NativeModems } from '../../lib/native/native-modems.js';
import { fullAccount } from './account-records.test.js';
import { RecordEncoder } from './record-encoder.js';

function answered<T>(value: T): NativeOperation<T> {
  return { promise: Promise.resolve(value), cancel: () => undefined, abandon: () => undefined };
}

function records(encoder: RecordEncoder): NativeRecords {
  const [words, text] = encoder.batch();
  return { words, text };
}

/** An addon whose accounts() answers `list` and account(id) the matching record. */
function addonWith(list: RecordEncoder, byId: Record<string, RecordEncoder>): NativeAddon {
  return {
    modems: {
      accounts: () => answered(records(list)),
      account: (id: string) => {
        const found = byId[id];
        if (found) return answered(records(found));
        const promise = Promise.reject(
          Object.assign(new Error('not found'), {
            hresult: 0x80070490,
            call: 'MobileBroadbandAccount.CreateFromNetworkAccountId',
          }),
        );
        promise.catch(() => undefined);
        return { promise, cancel: () => undefined, abandon: () => undefined };
      },
    },
  } as unknown as NativeAddon;
}

describe('NativeModems', () => {
  it('maps every section with the documented names and units', async () => {
    const modems = new NativeModems(addonWith(new RecordEncoder().account(fullAccount), {}));
    const [account] = await modems.accounts();
    expect(account).toEqual({
      networkAccountId: fullAccount.networkAccountId,
      serviceProviderGuid: '{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}',
      serviceProviderName: 'Contoso Mobile',
      interfaceId: '{6B1D5A2E-0F3C-4A9B-8E7D-2C1B0A9F8E7D}',
      device: {
        deviceId: fullAccount.device!.deviceId,
        manufacturer: 'Quectel',
        model: 'EM120R-GL',
        firmwareInformation: 'EM120RGLAPR02A07M4G',
        deviceType: 'embedded',
        cellularClass: 'gsm',
        dataClasses: ['umts', 'lteAdvanced', 'custom'],
        customDataClass: '5G NSA',
        mobileEquipmentId: '356938035643809',
        simIccId: '8901410321111851072',
        subscriberId: '310410123456789',
        telephoneNumbers: ['+15555550100', '+15555550101'],
        radioState: 'on',
        networkDeviceStatus: 'deviceReady',
      },
      network: {
        registrationState: 'roaming',
        registeredProviderId: '23415',
        registeredProviderName: 'Fabrikam UK',
        registrationNetworkError: 0,
        packetAttachNetworkError: 0x80000001,
        activationNetworkError: 0,
        accessPointName: 'internet.contoso.example',
        registeredDataClass: ['lteAdvanced'],
      },
      connection: {
        connected: true,
        profileName: 'Contoso Mobile',
        signalBars: 4,
        connectivityLevel: 'internetAccess',
      },
      dataPlan: {
        usedBytes: 4096 * 1_048_576,
        limitBytes: 0xfffffff0 * 1_048_576,
        lastSyncTime: Date.UTC(2026, 11, 4, 7, 30),
        nextBillingCycle: Date.UTC(2027, 0, 1),
      },
    });
  });

  it('an account without a modem or a profile, and values newer than this version', async () => {
    const bare = {
      ...fullAccount,
      serviceProviderGuid: '{00000000-0000-0000-0000-000000000000}',
      device: { ...fullAccount.device!, deviceType: 9, networkDeviceStatus: 42 },
      network: undefined,
      connection: undefined,
    };
    const modems = new NativeModems(addonWith(new RecordEncoder().account(bare), {}));
    const [account] = await modems.accounts();
    expect(account?.serviceProviderGuid).toBeUndefined();
    expect(account?.interfaceId).toBeUndefined();
    expect(account?.device?.deviceType).toBe('unknown');
    expect(account?.device?.networkDeviceStatus).toBe('deviceNotReady');
    expect(account?.connection).toEqual({
      connected: false,
      profileName: undefined,
      signalBars: undefined,
      connectivityLevel: 'none',
    });
    expect(account?.dataPlan).toBeUndefined();
  });

  it('an unknown id is a typed error naming the known accounts, the id given masked', async () => {
    const modems = new NativeModems(addonWith(new RecordEncoder().account(fullAccount), {}));
    const given = '8901410321111851072';
    const error = (await modems.account(given).catch((e: unknown) => e)) as MobileBroadbandError;
    expect(error.code).toBe('ERR_INVALID_ARGUMENT');
    expect(error.message).toContain(fullAccount.networkAccountId);
    expect(error.message).not.toContain(given);
    await expect(modems.dataPlanStatus('{no-such-account}')).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    // A known account whose read fails keeps Windows' own error.
    await expect(modems.account(fullAccount.networkAccountId)).rejects.toMatchObject({
      hresult: 0x80070490,
    });
  });

  it('reads one account, and reports fields and accounts it could not read without failing', async () => {
    const partial = {
      ...fullAccount,
      failure: { hresult: 0x800706ba, call: 'MobileBroadbandNetwork.AccessPointName' },
    };
    const list = new RecordEncoder()
      .account(partial)
      .error(0x80070490, 'MobileBroadbandAccount.CreateFromNetworkAccountId');
    const warnings: MobileBroadbandError[] = [];
    const modems = new NativeModems(
      addonWith(list, { [fullAccount.networkAccountId]: new RecordEncoder().account(partial) }),
      (w) => void warnings.push(w),
    );
    expect(await modems.accounts()).toHaveLength(1);
    expect(warnings.map((w) => [w.code, w.details])).toEqual([
      ['ERR_WINDOWS', { call: 'MobileBroadbandAccount.CreateFromNetworkAccountId' }],
      [
        'ERR_SERVICE_UNAVAILABLE',
        {
          networkAccountId: fullAccount.networkAccountId,
          partial: true,
          call: 'MobileBroadbandNetwork.AccessPointName',
        },
      ],
    ]);
    const one = await modems.account(fullAccount.networkAccountId);
    expect(one.network?.registrationState).toBe('roaming');
  });
});
