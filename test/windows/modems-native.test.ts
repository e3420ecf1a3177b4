/**
 * The native modems part (issue 12 item 1) against the test component's accounts, run by
 * `node --test` in Windows' node.exe under Wine (test/windows/run.sh bundles it with esbuild):
 * the addon reads MobileBroadbandAccount, its device, network, connection profile and data plan
 * on its MTA thread, through the real WinRT ABI.
 */

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Backend } from '../../lib/backend.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import { defineModemsConformance } from '../conformance/modems-conformance.js';
import { modemsNativeDriver } from './modems-native-driver.js';
import { nodeTestApi } from './node-test-api.js';

interface AccountControl {
  reset(): void;
  putAccount(id: string, fields: Record<string, string | number>): void;
  removeAccount(id: string): void;
  setGhostAccount(id: string): void;
  setFailure(member: string, hresult: number): void;
  liveObjects(): number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
const control = require(process.env.WMBB_TEST_CONTROL_ADDON!) as AccountControl;

const idA = '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}';
const idB = '{11111111-2222-3333-4444-555555555555}';
const lastSync = Date.UTC(2026, 11, 4, 7, 30);
const nextCycle = Date.UTC(2027, 0, 1);

const full = {
  serviceProviderGuid: '{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}',
  serviceProviderName: 'Contoso Mobile',
  deviceId: 'modem-a',
  manufacturer: 'Quectel',
  model: 'EM120R-GL',
  firmwareInformation: 'EM120RGLAPR02A07M4G',
  deviceType: 1,
  cellularClass: 1,
  dataClasses: 0x24,
  mobileEquipmentId: '356938035643809',
  subscriberId: '310410123456789',
  simIccId: '8901410321111851072',
  telephoneNumbers: '+15555550100,+15555550101',
  currentRadioState: 1,
  networkDeviceStatus: 1,
  networkRegistrationState: 4,
  registeredProviderId: '23415',
  registeredProviderName: 'Fabrikam UK',
  accessPointName: 'internet.contoso.example',
  registeredDataClass: 0x20,
  networkAdapterId: '{6B1D5A2E-0F3C-4A9B-8E7D-2C1B0A9F8E7D}',
  profileName: 'Contoso Mobile',
  connectivityLevel: 3,
  signalBars: 4,
  dataPlan: 1,
  megabytesUsed: 4096,
  lastSyncTime: lastSync,
  limitMegabytes: 10240,
  nextBillingCycle: nextCycle,
};

/** Runs `body` collecting the process warnings it causes. */
async function warningsOf(body: () => Promise<unknown>): Promise<Error[]> {
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);
  process.on('warning', onWarning);
  try {
    await body();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  return warnings;
}

void describe('native modems (Windows node.exe under Wine, test component)', () => {
  let backend: Backend;
  beforeEach(async () => {
    control.reset();
    backend = await createNativeBackend();
  });
  afterEach(async () => {
    await backend.close();
    assert.equal(control.liveObjects(), 0, 'component objects alive after close()');
  });

  void it('a machine without a modem has no accounts', async () => {
    assert.deepEqual(await backend.modems.accounts(), []);
  });

  void it('reads every section of every account', async () => {
    control.putAccount(idA, full);
    control.putAccount(idB, { serviceProviderName: 'Bare', noDevice: 1 });
    const accounts = await backend.modems.accounts();
    assert.deepEqual(
      accounts.map((a) => a.networkAccountId),
      [idA, idB],
    );
    const [a, b] = accounts;
    assert.equal(a?.serviceProviderGuid, full.serviceProviderGuid);
    assert.equal(a?.interfaceId, full.networkAdapterId);
    assert.deepEqual(a?.device, {
      deviceId: 'modem-a',
      manufacturer: 'Quectel',
      model: 'EM120R-GL',
      firmwareInformation: 'EM120RGLAPR02A07M4G',
      deviceType: 'embedded',
      cellularClass: 'gsm',
      dataClasses: ['umts', 'lteAdvanced'],
      customDataClass: '',
      mobileEquipmentId: '356938035643809',
      simIccId: '8901410321111851072',
      subscriberId: '310410123456789',
      telephoneNumbers: ['+15555550100', '+15555550101'],
      radioState: 'on',
      networkDeviceStatus: 'deviceReady',
    });
    assert.deepEqual(a?.network, {
      registrationState: 'roaming',
      registeredProviderId: '23415',
      registeredProviderName: 'Fabrikam UK',
      registrationNetworkError: 0,
      packetAttachNetworkError: 0,
      activationNetworkError: 0,
      accessPointName: 'internet.contoso.example',
      registeredDataClass: ['lteAdvanced'],
    });
    assert.deepEqual(a?.connection, {
      connected: true,
      profileName: 'Contoso Mobile',
      signalBars: 4,
      connectivityLevel: 'internetAccess',
    });
    assert.deepEqual(a?.dataPlan, {
      usedBytes: 4096 * 1_048_576,
      limitBytes: 10240 * 1_048_576,
      lastSyncTime: lastSync,
      nextBillingCycle: nextCycle,
    });
    // No modem behind the account: no device information; no profile: not connected.
    assert.equal(b?.device, undefined);
    assert.equal(b?.serviceProviderGuid, undefined);
    assert.equal(b?.connection.connected, false);
    assert.equal(b?.dataPlan, undefined);
    assert.deepEqual(await backend.modems.dataPlanStatus(idA), a?.dataPlan);
  });

  void it('an unknown id is a typed error naming the accounts present', async () => {
    control.putAccount(idA, full);
    await assert.rejects(backend.modems.account(idB), (error: unknown) => {
      assert.ok(error instanceof MobileBroadbandError);
      assert.equal(error.code, 'ERR_INVALID_ARGUMENT');
      assert.ok(error.message.includes(idA), error.message);
      return true;
    });
  });

  void it('an account gone between list and read is reported; a field that fails is left empty', async () => {
    control.putAccount(idA, full);
    control.setGhostAccount(idB);
    control.setFailure('MobileBroadbandNetwork.AccessPointName', 0x800706ba);
    let accounts: Awaited<ReturnType<Backend['modems']['accounts']>> = [];
    const warnings = await warningsOf(async () => {
      accounts = await backend.modems.accounts();
    });
    assert.deepEqual(
      accounts.map((a) => [a.networkAccountId, a.network?.accessPointName]),
      [[idA, '']],
    );
    assert.equal(accounts[0]?.network?.registeredProviderName, 'Fabrikam UK');
    assert.deepEqual(
      warnings.map((w) => (w as Error & { code?: string }).code),
      ['WMBB_MODEM_PARTIAL_READ', 'WMBB_MODEM_PARTIAL_READ'],
    );
    assert.ok(warnings.some((w) => w.message.includes('CreateFromNetworkAccountId')));
    assert.ok(warnings.some((w) => w.message.includes('AccessPointName')));
  });

  void it('the WWAN service stopped is ERR_SERVICE_UNAVAILABLE naming it', async () => {
    control.setFailure('MobileBroadbandAccount.AvailableNetworkAccountIds', 0x80070426);
    await assert.rejects(backend.modems.accounts(), (error: unknown) => {
      assert.ok(error instanceof MobileBroadbandError);
      assert.equal(error.code, 'ERR_SERVICE_UNAVAILABLE');
      assert.ok(error.message.includes('WwanSvc'), error.message);
      return true;
    });
  });
});

const api = nodeTestApi(60_000);

defineModemsConformance(api, modemsNativeDriver());
