/**
 * One conformance suite for `mbb.tethering`, for every backend: the fake in vitest (as the
 * operator's packaged app and as an unpackaged process), the native addon in Windows' node.exe
 * under Wine against the test component's hotspot (test/windows/tethering-native.test.ts).
 * Written with node:assert against a driver. The Windows lane names each test below as a check
 * of its summary ({@link tetheringCheckNames}), so keep the names stable.
 */

import assert from 'node:assert/strict';
import type { TetheringCapability, TetheringOperationStatus } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import type { Notification } from '../../lib/notifications/notification.js';
import type { TetheringScenarioDriver, TetheringSetup } from './tethering-driver.js';
import type { TestApi } from './test-api.js';

const capabilityReasons: TetheringCapability[] = [
  'disabledByGroupPolicy',
  'disabledByHardwareLimitation',
  'disabledByOperator',
  'disabledBySku',
  'disabledByRequiredAppNotInstalled',
  'disabledDueToUnknownCause',
  'disabledBySystemCapability',
];

const failures: TetheringOperationStatus[] = [
  'unknown',
  'mobileBroadbandDeviceOff',
  'wiFiDeviceOff',
  'entitlementCheckTimeout',
  'entitlementCheckFailure',
  'operationInProgress',
  'bluetoothDeviceOff',
  'networkLimitedConnectivity',
  'radioRestriction',
  'bandInterference',
];

const startAnswered = (status: TetheringOperationStatus): string =>
  `a start answered ${status} resolves with it and Windows' message, state unchanged`;
const capabilityCheck = (reason: TetheringCapability): string =>
  `capability ${reason}: status says so, start fails, diagnose explains`;

/** The names of the tethering tests, as the Windows lane's summary lists them. */
export const tetheringCheckNames: readonly string[] = [
  'status(): enabled, off, no clients, a maximum',
  'start() and stop() succeed and change the state; start twice is alreadyOn',
  ...failures.map(startAnswered),
  'a stop answered operationInProgress leaves the hotspot on',
  ...capabilityReasons.map(capabilityCheck),
  'diagnose(): each dependency that fails is a finding with a remedy',
  'clients joining and leaving: clients(), clientCount, events 11 and 12 in order',
  'the no-connections timeout turns an idle hotspot off; disabled, it stays on',
  'configure() stores the access point; fields left out keep their values',
  'band and authentication support as the adapter says; unsupported is ERR_NOT_SUPPORTED, config untouched',
  'start({ session }) uses its access point for the session; the stored one is untouched',
  'on Windows 19041 the band works; authentication kinds, session starts and 6GHz do not',
  'on Windows 18363 even the band and the no-connections timeout are ERR_NOT_SUPPORTED by name',
  'forProfile(name) manages a named connection profile; an unknown name is ERR_INVALID_ARGUMENT',
];

async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  message?: RegExp,
): Promise<MobileBroadbandError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof MobileBroadbandError, `a MobileBroadbandError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  if (message !== undefined) assert.match(error.message, message);
  return error;
}

export function defineTetheringConformance(api: TestApi, driver: TetheringScenarioDriver): void {
  const { describe, it, afterEach } = api;
  let mbb: MobileBroadband | undefined;

  async function open(setup?: TetheringSetup): Promise<MobileBroadband> {
    mbb = await connect({ backend: await driver.createBackend(setup) });
    return mbb;
  }

  async function step(action: () => Promise<void>): Promise<void> {
    await action();
    await driver.settle();
  }

  describe(`tethering conformance: ${driver.name}`, () => {
    afterEach(async () => {
      await mbb?.close();
      mbb = undefined;
    });

    it('status(): enabled, off, no clients, a maximum', async () => {
      const m = await open();
      const status = await m.tethering.status();
      assert.deepEqual(
        { ...status, maxClientCount: status.maxClientCount > 0 },
        { capability: 'enabled', operationalState: 'off', clientCount: 0, maxClientCount: true },
      );
    });

    it('start() and stop() succeed and change the state; start twice is alreadyOn', async () => {
      const m = await open();
      assert.deepEqual(await m.tethering.start(), {
        status: 'success',
        additionalErrorMessage: '',
      });
      assert.equal((await m.tethering.status()).operationalState, 'on');
      assert.equal((await m.tethering.start()).status, 'alreadyOn');
      assert.equal((await m.tethering.stop()).status, 'success');
      assert.equal((await m.tethering.status()).operationalState, 'off');
    });

    for (const status of failures) {
      it(startAnswered(status), async () => {
        const m = await open();
        await driver.scriptNext('start', status, `message for ${status}`);
        assert.deepEqual(await m.tethering.start(), {
          status,
          additionalErrorMessage: `message for ${status}`,
        });
        assert.equal((await m.tethering.status()).operationalState, 'off');
      });
    }

    it('a stop answered operationInProgress leaves the hotspot on', async () => {
      const m = await open();
      await m.tethering.start();
      await driver.scriptNext('stop', 'operationInProgress', 'busy');
      assert.deepEqual(await m.tethering.stop(), {
        status: 'operationInProgress',
        additionalErrorMessage: 'busy',
      });
      assert.equal((await m.tethering.status()).operationalState, 'on');
    });

    for (const reason of capabilityReasons) {
      it(capabilityCheck(reason), async () => {
        const m = await open();
        await driver.setCapability(reason);
        assert.equal((await m.tethering.status()).capability, reason);
        assert.notEqual((await m.tethering.start()).status, 'success');
        const diagnosis = await m.tethering.diagnose();
        assert.equal(diagnosis.canStart, false);
        assert.equal(diagnosis.capability, reason);
        const finding = diagnosis.findings.find((f) => f.check === 'capability');
        assert.equal(finding?.ok, false);
        assert.ok((finding?.remedy ?? '').length > 10, 'a remedy in words');
      });
    }

    it('diagnose(): each dependency that fails is a finding with a remedy', async () => {
      const m = await open();
      assert.equal((await m.tethering.diagnose()).canStart, true);
      await driver.setDiagnostics({
        wlanService: 'stopped',
        mobileHotspotService: 'disabled',
        wifiRadio: 'off',
        internetProfile: false,
        blockingPolicies: ['NC_ShowSharedAccessUI'],
      });
      const diagnosis = await m.tethering.diagnose();
      assert.equal(diagnosis.canStart, false);
      const failed = diagnosis.findings.filter((f) => !f.ok).map((f) => f.check);
      // Without an internet connection Windows has no hotspot to ask the capability of: the
      // internetProfile finding says so, once; there is no capability finding.
      assert.deepEqual(failed.sort(), [
        'blockingPolicy',
        'internetProfile',
        'mobileHotspotService',
        'wifiRadio',
        'wlanService',
      ]);
      assert.equal(diagnosis.capability, null);
      assert.equal(
        diagnosis.findings.find((f) => f.check === 'capability'),
        undefined,
      );
      for (const f of diagnosis.findings.filter((x) => !x.ok)) assert.ok(f.remedy);
      await rejectsWith(m.tethering.status(), 'ERR_INVALID_STATE', /no internet connection/);
      // A named profile still has a hotspot to share.
      assert.equal(
        (await m.tethering.forProfile(driver.profileName).status()).capability,
        'enabled',
      );
    });

    it('clients joining and leaving: clients(), clientCount, events 11 and 12 in order', async () => {
      const m = await open();
      const seen: Notification[] = [];
      m.notifications.on('notification', (n) => void seen.push(n));
      await driver.settle();
      await step(async () => void (await m.tethering.start()));
      await step(() => driver.clientJoins('02:00:00:00:00:01', ['laptop']));
      await step(() => driver.clientJoins('02:00:00:00:00:02', []));
      assert.deepEqual(await m.tethering.clients(), [
        { macAddress: '02:00:00:00:00:01', hostNames: ['laptop'] },
        { macAddress: '02:00:00:00:00:02', hostNames: [] },
      ]);
      assert.equal((await m.tethering.status()).clientCount, 2);
      await step(() => driver.clientLeaves('02:00:00:00:00:01'));
      await step(async () => void (await m.tethering.stop()));
      const events = seen.flatMap((n) =>
        n.type === 'tetheringOperationalStateChanged'
          ? [`state ${n.state}`]
          : n.type === 'tetheringNumberOfClientsChanged'
            ? [`clients ${n.clientCount}`]
            : [],
      );
      assert.deepEqual(events, [
        'state on',
        'clients 1',
        'clients 2',
        'clients 1',
        'state off',
        'clients 0',
      ]);
    });

    it('the no-connections timeout turns an idle hotspot off; disabled, it stays on', async () => {
      const m = await open();
      assert.equal(await m.tethering.isNoConnectionsTimeoutEnabled(), true);
      await m.tethering.start();
      await driver.advance(driver.noConnectionsTimeoutMs);
      await driver.settle();
      assert.equal((await m.tethering.status()).operationalState, 'off');
      await m.tethering.disableNoConnectionsTimeout();
      assert.equal(await m.tethering.isNoConnectionsTimeoutEnabled(), false);
      await m.tethering.start();
      await driver.advance(driver.noConnectionsTimeoutMs * 3);
      await driver.settle();
      assert.equal((await m.tethering.status()).operationalState, 'on');
      await m.tethering.enableNoConnectionsTimeout();
      assert.equal(await m.tethering.isNoConnectionsTimeoutEnabled(), true);
    });

    it('configure() stores the access point; fields left out keep their values', async () => {
      const m = await open();
      await m.tethering.configure({
        ssid: 'Café hotspot',
        passphrase: 'correct horse battery',
        band: '5GHz',
        authenticationKind: 'wpa3TransitionMode',
      });
      await m.tethering.configure({ band: '2.4GHz' });
      assert.deepEqual(await m.tethering.accessPoint(), {
        ssid: 'Café hotspot',
        passphrase: 'correct horse battery',
        band: '2.4GHz',
        authenticationKind: 'wpa3TransitionMode',
      });
    });

    it('band and authentication support as the adapter says; unsupported is ERR_NOT_SUPPORTED, config untouched', async () => {
      const m = await open();
      assert.equal(await m.tethering.isBandSupported('auto'), true);
      assert.equal(await m.tethering.isBandSupported('5GHz'), true);
      assert.equal(await m.tethering.isBandSupported('6GHz'), false);
      await driver.setBandSupported('6GHz', true);
      assert.equal(await m.tethering.isBandSupported('6GHz'), true);
      assert.equal(await m.tethering.isAuthenticationKindSupported('wpa3'), false);
      await driver.setAuthenticationKindSupported('wpa3', true);
      assert.equal(await m.tethering.isAuthenticationKindSupported('wpa3'), true);
      await driver.setBandSupported('5GHz', false);
      const before = await m.tethering.accessPoint();
      await rejectsWith(m.tethering.configure({ band: '5GHz' }), 'ERR_NOT_SUPPORTED', /5GHz/);
      await driver.setAuthenticationKindSupported('wpa3TransitionMode', false);
      await rejectsWith(
        m.tethering.configure({ authenticationKind: 'wpa3TransitionMode' }),
        'ERR_NOT_SUPPORTED',
        /wpa3TransitionMode/,
      );
      assert.deepEqual(await m.tethering.accessPoint(), before);
    });

    it('start({ session }) uses its access point for the session; the stored one is untouched', async () => {
      const m = await open();
      const before = await m.tethering.accessPoint();
      const result = await m.tethering.start({ session: { ssid: 'Just today', band: '5GHz' } });
      assert.equal(result.status, 'success');
      assert.deepEqual(await m.tethering.accessPoint(), before);
      await rejectsWith(
        m.tethering.stop().then(() => m.tethering.start({ session: { ssid: '' } })),
        'ERR_INVALID_ARGUMENT',
      );
    });

    it('on Windows 19041 the band works; authentication kinds, session starts and 6GHz do not', async () => {
      const m = await open({ windowsBuild: 19041 });
      assert.equal(await m.tethering.isBandSupported('5GHz'), true);
      // 19041 does not know the 6 GHz value: no adapter supports it there.
      await driver.setBandSupported('6GHz', true);
      assert.equal(await m.tethering.isBandSupported('6GHz'), false);
      await rejectsWith(
        m.tethering.isAuthenticationKindSupported('wpa3'),
        'ERR_NOT_SUPPORTED',
        /IsAuthenticationKindSupported/,
      );
      await rejectsWith(
        m.tethering.start({ session: { ssid: 'Today' } }),
        'ERR_NOT_SUPPORTED',
        /StartTetheringAsync/,
      );
      assert.equal(await m.tethering.isNoConnectionsTimeoutEnabled(), true);
      assert.equal((await m.tethering.start()).status, 'success');
      await m.tethering.configure({
        ssid: 'Older Windows',
        passphrase: 'still fine 123',
        band: '5GHz',
      });
      assert.deepEqual(
        { ...(await m.tethering.accessPoint()), passphrase: undefined },
        { ssid: 'Older Windows', passphrase: undefined, band: '5GHz' },
      );
    });

    it('on Windows 18363 even the band and the no-connections timeout are ERR_NOT_SUPPORTED by name', async () => {
      const m = await open({ windowsBuild: 18363 });
      await rejectsWith(
        m.tethering.isBandSupported('5GHz'),
        'ERR_NOT_SUPPORTED',
        /IsBandSupported/,
      );
      await rejectsWith(
        m.tethering.disableNoConnectionsTimeout(),
        'ERR_NOT_SUPPORTED',
        /DisableNoConnectionsTimeout/,
      );
      await rejectsWith(
        m.tethering.isNoConnectionsTimeoutEnabled(),
        'ERR_NOT_SUPPORTED',
        /IsNoConnectionsTimeoutEnabled/,
      );
      // What 18363 has still works: the access point without a band.
      await m.tethering.configure({ ssid: 'Oldest Windows', passphrase: 'still fine 123' });
      assert.equal((await m.tethering.accessPoint()).ssid, 'Oldest Windows');
      assert.equal((await m.tethering.start()).status, 'success');
    });

    it('forProfile(name) manages a named connection profile; an unknown name is ERR_INVALID_ARGUMENT', async () => {
      const m = await open();
      const named = m.tethering.forProfile(driver.profileName);
      assert.equal(named.profileName, driver.profileName);
      assert.equal((await named.status()).capability, 'enabled');
      await rejectsWith(m.tethering.forProfile('No such profile').status(), 'ERR_INVALID_ARGUMENT');
      assert.throws(() => m.tethering.forProfile(''), { code: 'ERR_INVALID_ARGUMENT' });
    });
  });
}
