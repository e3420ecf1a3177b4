/**
 * One conformance suite for the operator app's events (`origin: 'system'`) on every backend
 * that serves them: the fake (which plays the operator's app) here, the native backend under
 * Wine (test/windows), where each event travels as the forwarding component sends it, through
 * COM into the addon. What the fake proves about the typed pipeline — conversion, the SMS PDU
 * decoded, isolation of listeners, streams, the once-only answer, the default answer, `unknown`
 * for what could not be read — must hold for the native path too. Written with node:assert
 * against a driver, so it runs outside vitest.
 */

import assert from 'node:assert/strict';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import type { Notification } from '../../lib/notifications/notification.js';
import { notificationTypeNames } from '../../lib/notifications/notification-type.js';
import type { OperatorEventsDriver } from './operator-events-driver.js';
import type { TestApi } from './test-api.js';

const account = '{5A9B7D1C-0000-4000-8000-00000000ACC7}';
/** An SMS-DELIVER from 27838890001 (an address without the international type): "hellohello" (test/messages/decode-sms-pdu.test.ts). */
const pdu = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';
const timeoutMs = 2000;

export function defineOperatorEventsConformance(api: TestApi, driver: OperatorEventsDriver): void {
  const { describe, it, afterEach } = api;
  let mbb: MobileBroadband | undefined;

  async function open(): Promise<MobileBroadband> {
    const backend = await driver.createBackend();
    mbb = await connect({
      backend,
      entitlement: { timeoutMs, defaultAnswer: { allow: false, reason: 'The app default' } },
    });
    driver.attach?.(mbb);
    return mbb;
  }

  describe(`operator events conformance: ${driver.name}`, () => {
    afterEach(async () => {
      await mbb?.close();
      mbb = undefined;
    });

    it("availability() says every type comes from Windows' own events", async () => {
      const m = await open();
      const availability = await m.notifications.availability();
      for (const name of notificationTypeNames) {
        assert.equal(availability[name].source, 'system', name);
      }
    });

    it('an SMS arrives as gsmSms with its PDU decoded; registration and data-plan events in order', async () => {
      const m = await open();
      const seen: Notification[] = [];
      m.notifications.on('notification', (n) => void seen.push(n));
      await driver.notify({
        messageType: 0,
        networkAccountId: account,
        message: 'hellohello',
        ruleId: 'rule-1',
        encodingType: 0,
        pdu,
      });
      await driver.notify({ messageType: 8, networkAccountId: account });
      await driver.notify({ messageType: 3, networkAccountId: account });
      assert.deepEqual(
        seen.map((n) => [n.type, n.origin, n.networkAccountId]),
        [
          ['gsmSms', 'system', account],
          ['registeredRoaming', 'system', account],
          ['dataPlanThresholdReached', 'system', account],
        ],
      );
      const sms = seen[0]!;
      assert.ok(sms.type === 'gsmSms');
      assert.equal(sms.message, 'hellohello');
      assert.equal(sms.ruleId, 'rule-1');
      assert.equal(sms.sms?.sender, '27838890001');
    });

    it('a listener that throws does not keep the event from the others; the error is reported', async () => {
      const m = await open();
      const errors: MobileBroadbandError[] = [];
      const got: string[] = [];
      m.notifications.on('error', (error) => void errors.push(error));
      m.notifications.on('registeredRoaming', () => {
        throw new Error('a bug in the app');
      });
      m.notifications.on('registeredRoaming', (n) => void got.push(n.type));
      await driver.notify({ messageType: 8, networkAccountId: account });
      assert.deepEqual(got, ['registeredRoaming']);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.message, /a bug in the app/);
    });

    it('a stream receives the types it asked for', async () => {
      const m = await open();
      const stop = new AbortController();
      const stream = m.notifications.stream({ types: ['registeredHome'], signal: stop.signal });
      const next = stream[Symbol.asyncIterator]().next();
      await driver.notify({ messageType: 8, networkAccountId: account });
      await driver.notify({ messageType: 9, networkAccountId: account });
      const first = await next;
      assert.equal(first.done, false);
      assert.equal(first.value?.type, 'registeredHome');
      stop.abort();
    });

    it("an entitlement check is answered once, with the listener's answer", async () => {
      const m = await open();
      let second: unknown;
      const tried = new Promise<void>((resolve) => {
        m.notifications.on('tetheringEntitlementCheck', async (check) => {
          await check.authorize(false, 'No tethering on this plan');
          try {
            await check.authorize(true);
          } catch (error) {
            second = error;
          }
          resolve();
        });
      });
      const outcome = await driver.checkEntitlement({ messageType: 10, networkAccountId: account });
      assert.deepEqual(outcome, { allow: false, reason: 'No tethering on this plan' });
      await tried;
      assert.ok(second instanceof MobileBroadbandError);
      assert.equal(second.code, 'ERR_ALREADY_ANSWERED');
    });

    it('an entitlement check nobody answers gets the default answer after the timeout', async () => {
      const m = await open();
      let seen: Notification | undefined;
      m.notifications.on('tetheringEntitlementCheck', (check) => void (seen = check));
      const outcome = driver.checkEntitlement({ messageType: 10, networkAccountId: account });
      await driver.advance(timeoutMs + 100);
      assert.deepEqual(await outcome, { allow: false, reason: 'The app default' });
      assert.ok(seen?.type === 'tetheringEntitlementCheck');
      assert.equal((await seen.answered).by, 'default');
    });

    it('an event with fields Windows could not read arrives as unknown, with those issues', async () => {
      const m = await open();
      const seen: Notification[] = [];
      m.notifications.on('notification', (n) => void seen.push(n));
      await driver.notify({
        messageType: 0,
        networkAccountId: account,
        issues: ['Message: 0x80004005'],
      });
      assert.equal(seen.length, 1);
      const n = seen[0]!;
      assert.ok(n.type === 'unknown');
      assert.ok(
        n.issues.some((issue) => issue.includes('Message: 0x80004005')),
        n.issues.join('; '),
      );
    });
  });
}
