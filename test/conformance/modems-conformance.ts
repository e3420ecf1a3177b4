/**
 * One conformance suite for `mbb.modems` and derived notifications, for every backend of an
 * unpackaged process: the fake here, the native backend under Wine (test/windows). Written
 * with node:assert against a driver, so it runs outside vitest too.
 */

import assert from 'node:assert/strict';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import type { Notification } from '../../lib/notifications/notification.js';
import type { ModemsScenarioDriver } from './modems-driver.js';
import type { TestApi } from './test-api.js';

const MB = 2 ** 20;
const pollMs = 60_000;

export function defineModemsConformance(api: TestApi, driver: ModemsScenarioDriver): void {
  const { describe, it, afterEach } = api;
  let mbb: MobileBroadband | undefined;

  async function open(setup?: { billingCycle?: boolean }): Promise<MobileBroadband> {
    const backend = await driver.createBackend(setup);
    mbb = await connect({ backend, derived: { dataPlanPollMs: pollMs } });
    return mbb;
  }

  /** Listens for every notification; returns what arrives, as `type` names. */
  async function record(m: MobileBroadband): Promise<{ seen: Notification[]; take(): string[] }> {
    const seen: Notification[] = [];
    m.notifications.on('notification', (n) => void seen.push(n));
    await driver.settle();
    return { seen, take: () => seen.splice(0).map((n) => n.type) };
  }

  async function step(action: () => Promise<void>): Promise<void> {
    await action();
    await driver.settle();
  }

  describe(`modems and derived notifications conformance: ${driver.name}`, () => {
    afterEach(async () => {
      await mbb?.close();
      mbb = undefined;
    });

    it('accounts() and account(id) read the device, network, connection and data plan', async () => {
      const m = await open();
      await step(() => driver.register('home'));
      await step(() => driver.connect());
      const accounts = await m.modems.accounts();
      assert.equal(accounts.length, 1);
      const account = accounts[0]!;
      assert.equal(account.networkAccountId, driver.networkAccountId);
      assert.ok(account.device !== undefined, 'the device is read');
      assert.equal(typeof account.device.manufacturer, 'string');
      assert.ok(Array.isArray(account.device.dataClasses));
      assert.ok(Array.isArray(account.device.telephoneNumbers));
      assert.equal(account.network?.registrationState, 'home');
      assert.equal(account.connection.connected, true);
      const bars = account.connection.signalBars;
      assert.ok(bars === undefined || (bars >= 0 && bars <= 5), `signal bars ${bars}`);
      assert.equal(account.dataPlan?.limitBytes, 5120 * MB);
      assert.deepEqual(await m.modems.account(driver.networkAccountId), account);
    });

    it('an unknown account id is ERR_INVALID_ARGUMENT naming the known ones, the given id masked', async () => {
      const m = await open();
      const iccid = '8901001010000000019';
      for (const call of [() => m.modems.account(iccid), () => m.modems.dataPlanStatus(iccid)]) {
        await assert.rejects(call(), (error: unknown) => {
          assert.ok(error instanceof MobileBroadbandError);
          assert.equal(error.code, 'ERR_INVALID_ARGUMENT');
          assert.ok(error.message.includes(driver.networkAccountId), error.message);
          assert.ok(!error.message.includes(iccid), error.message);
          return true;
        });
      }
      await assert.rejects(m.modems.account(42 as unknown as string), {
        code: 'ERR_INVALID_ARGUMENT',
      });
    });

    it('availability(): registration, connection and data plan derived; messages and checks unavailable', async () => {
      const m = await open();
      const availability = await m.notifications.availability();
      for (const type of [
        'registeredHome',
        'registeredRoaming',
        'profileConnected',
        'profileDisconnected',
        'dataPlanThresholdReached',
        'dataPlanReset',
        'dataPlanDeleted',
      ] as const)
        assert.equal(availability[type].source, 'derived', type);
      for (const type of ['gsmSms', 'cdmaSms', 'ussd', 'tetheringEntitlementCheck'] as const) {
        assert.equal(availability[type].source, 'unavailable', type);
        assert.match(availability[type].reason ?? '', /packaged app/);
      }
    });

    it('registrations: one derived event per registration seen, repeats included', async () => {
      const m = await open();
      const r = await record(m);
      await step(() => driver.register('home'));
      await step(() => driver.register('home'));
      await step(() => driver.register('roaming'));
      await step(() => driver.register('searching'));
      await step(() => driver.register('partner'));
      assert.deepEqual(r.take(), [
        'registeredHome',
        'registeredHome',
        'registeredRoaming',
        'registeredRoaming',
      ]);
      await step(() => driver.register('home'));
      const [last] = r.seen;
      assert.equal(last?.origin, 'derived');
      assert.equal(last?.networkAccountId, driver.networkAccountId);
    });

    it('connect and disconnect: transitions only', async () => {
      const m = await open();
      await step(() => driver.register('home'));
      const r = await record(m);
      await step(() => driver.connect());
      await step(() => driver.connect());
      await step(() => driver.disconnect());
      await step(() => driver.disconnect());
      await step(() => driver.connect());
      assert.deepEqual(r.take(), ['profileConnected', 'profileDisconnected', 'profileConnected']);
    });

    it('usage: a threshold per 5 % of the limit at home, per 5 MB roaming, seen by the poll', async () => {
      const m = await open();
      await step(() => driver.register('home'));
      await step(() => driver.connect());
      const r = await record(m);
      r.take();
      const stepBytes = 5120 * MB * 0.05; // 256 MB
      await step(() => driver.use(stepBytes - MB));
      await driver.advance(pollMs);
      assert.deepEqual(r.take(), [], 'below the step');
      await step(() => driver.use(MB));
      await driver.advance(pollMs);
      assert.deepEqual(r.take(), ['dataPlanThresholdReached']);
      await step(() => driver.use(3 * stepBytes));
      await driver.advance(pollMs);
      assert.deepEqual(r.take(), ['dataPlanThresholdReached'], 'one event however many steps');
      await step(() => driver.register('roaming'));
      r.take();
      await step(() => driver.use(5 * MB));
      await driver.advance(pollMs);
      assert.deepEqual(r.take(), ['dataPlanThresholdReached'], 'roaming: 5 MB, limit ignored');
    });

    it('a billing reset is dataPlanReset; a deleted plan is dataPlanDeleted (and the connection drops)', async () => {
      const m = await open();
      await step(() => driver.register('home'));
      await step(() => driver.connect());
      await step(() => driver.use(100 * MB));
      const r = await record(m);
      await driver.advance(pollMs);
      r.take();
      await step(() => driver.passBillingCycle());
      await driver.advance(pollMs);
      assert.deepEqual(r.take(), ['dataPlanReset']);
      await step(() => driver.deletePlan());
      assert.deepEqual(r.take().sort(), ['dataPlanDeleted', 'profileDisconnected']);
      assert.equal(await m.modems.dataPlanStatus(driver.networkAccountId), undefined);
    });

    it('cost: without a data-plan listener no timer runs; the poll runs only while one listens', async () => {
      const m = await open({ billingCycle: false });
      const base = driver.pendingTimers();
      const onHome = (): void => undefined;
      m.notifications.on('registeredHome', onHome);
      m.notifications.on('profileConnected', onHome);
      await driver.settle();
      await driver.advance(10 * pollMs);
      assert.equal(driver.pendingTimers(), base, 'no timer without a data-plan listener');
      const onReset = (): void => undefined;
      m.notifications.on('dataPlanReset', onReset);
      await driver.settle();
      await driver.advance(0);
      assert.equal(driver.pendingTimers(), base + 1, 'the poll');
      m.notifications.off('dataPlanReset', onReset);
      await driver.settle();
      assert.equal(driver.pendingTimers(), base, 'the poll stops with the last data-plan listener');
      m.notifications.off('registeredHome', onHome);
      m.notifications.off('profileConnected', onHome);
    });

    it('adding a listener for an unavailable type warns once, naming what is needed', async () => {
      const m = await open();
      const warnings: Error[] = [];
      const onWarning = (w: Error): void => void warnings.push(w);
      process.on('warning', onWarning);
      try {
        m.notifications.on('gsmSms', () => undefined);
        m.notifications.on('gsmSms', () => undefined);
        m.notifications.on('registeredHome', () => undefined);
        for (let i = 0; i < 20 && warnings.length === 0; i++)
          await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, 20));
        const ours = warnings.filter(
          (w) => (w as Error & { code?: string }).code === 'WMBB_NOTIFICATION_UNAVAILABLE',
        );
        assert.equal(ours.length, 1);
        assert.match(ours[0]!.message, /gsmSms/);
        assert.match(ours[0]!.message, /packaged app/);
      } finally {
        process.off('warning', onWarning);
      }
    });
  });
}
