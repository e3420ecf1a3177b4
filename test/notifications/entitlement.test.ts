import { describe, expect, it, vi } from 'vitest';
import type { TetheringEntitlementCheckNotification } from '../../lib/index.js';
import { connectFake, record, tick } from '../helpers.js';

function nextCheck(
  mbb: Awaited<ReturnType<typeof connectFake>>['mbb'],
): Promise<TetheringEntitlementCheckNotification> {
  return new Promise((resolve) => mbb.notifications.once('tetheringEntitlementCheck', resolve));
}

describe('tethering entitlement checks', () => {
  it('a handler answers once; the backend receives exactly that answer', async () => {
    const { fake, mbb } = await connectFake();
    mbb.notifications.on('tetheringEntitlementCheck', (check) => check.authorize(true));
    await fake.notify(record(10));
    await tick();
    expect(fake.entitlementAnswers()).toEqual([
      expect.objectContaining({ entitlementCheckId: 'check-1', allow: true, reason: '' }),
    ]);
    await mbb.close();
  });

  it('a second authorize() throws ERR_ALREADY_ANSWERED and sends nothing more', async () => {
    const { fake, mbb } = await connectFake();
    const checkPromise = nextCheck(mbb);
    await fake.notify(record(10));
    const check = await checkPromise;
    await check.authorize(false, 'Plan has no tethering');
    expect(() => check.authorize(true)).toThrow(
      expect.objectContaining({ code: 'ERR_ALREADY_ANSWERED' }),
    );
    expect(check.answer).toEqual({ allow: false, reason: 'Plan has no tethering', by: 'listener' });
    await expect(check.answered).resolves.toEqual(check.answer);
    expect(fake.entitlementAnswers()).toHaveLength(1);
    await mbb.close();
  });

  it('async handlers may answer later', async () => {
    const { fake, mbb } = await connectFake();
    mbb.notifications.on('tetheringEntitlementCheck', async (check) => {
      await new Promise((r) => setTimeout(r, 5));
      await check.authorize(true);
    });
    await fake.notify(record(10));
    const answer = await fake.notifications.answerOf('check-1');
    expect(answer).toEqual({ allow: true, reason: '' });
    await mbb.close();
  });

  it('unanswered within the timeout: the default (deny, saying no handler answered) is sent and the event says so', async () => {
    const { fake, mbb } = await connectFake({ entitlement: { timeoutMs: 5000 } });
    const checkPromise = nextCheck(mbb);
    await fake.notify(record(10));
    const check = await checkPromise;
    fake.clock.advance(4999);
    expect(check.answer).toBeUndefined();
    expect(fake.entitlementAnswers()).toHaveLength(0);
    fake.clock.advance(1);
    expect(check.answer).toEqual({
      allow: false,
      reason: 'No handler answered the tethering entitlement check within 5000 ms',
      by: 'default',
    });
    expect(fake.entitlementAnswers()).toEqual([expect.objectContaining({ allow: false })]);
    expect(() => check.authorize(true)).toThrow(/default answer was already sent/);
    await mbb.close();
  });

  it('the default answer is configurable', async () => {
    const { fake, mbb } = await connectFake({
      entitlement: { timeoutMs: 100, defaultAnswer: { allow: true } },
    });
    mbb.notifications.on('tetheringEntitlementCheck', () => undefined);
    await fake.notify(record(10));
    fake.clock.advance(100);
    expect(fake.entitlementAnswers()).toEqual([
      expect.objectContaining({ allow: true, reason: '' }),
    ]);
    await mbb.close();
  });

  it('with no listener for the check, the default goes out at once', async () => {
    const { fake, mbb } = await connectFake();
    mbb.notifications.on('registeredHome', () => undefined);
    await fake.notify(record(10));
    expect(fake.entitlementAnswers()).toEqual([
      expect.objectContaining({
        allow: false,
        reason: 'No handler is listening for tethering entitlement checks',
      }),
    ]);
    await mbb.close();
  });

  it('closing the connection answers pending checks', async () => {
    const { fake, mbb } = await connectFake();
    mbb.notifications.on('tetheringEntitlementCheck', () => undefined);
    await fake.notify(record(10));
    await mbb.close();
    expect(fake.entitlementAnswers()).toEqual([
      expect.objectContaining({ allow: false, reason: expect.stringMatching(/closed/) }),
    ]);
  });

  it('works with vitest fake timers on a system-clock fake', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { fake, mbb } = await connectFake({
        fake: { clock: 'system' },
        entitlement: { timeoutMs: 2000 },
      });
      mbb.notifications.on('tetheringEntitlementCheck', () => undefined);
      await fake.notify(record(10));
      vi.advanceTimersByTime(2000);
      expect(fake.entitlementAnswers()).toEqual([expect.objectContaining({ allow: false })]);
      await mbb.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects bad arguments and bad options with typed errors', async () => {
    const { fake, mbb } = await connectFake();
    const checkPromise = nextCheck(mbb);
    await fake.notify(record(10));
    const check = await checkPromise;
    expect(() => check.authorize('yes' as unknown as boolean)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    expect(check.answer).toBeUndefined();
    await mbb.close();
    await expect(connectFake({ entitlement: { timeoutMs: -1 } })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
  });

  it('a backend failure while sending the default answer is reported, not thrown', async () => {
    const { fake, mbb } = await connectFake({ entitlement: { timeoutMs: 10 } });
    vi.spyOn(fake.notifications, 'answerEntitlementCheck').mockRejectedValue(
      new Error('device gone'),
    );
    const errors: string[] = [];
    mbb.notifications.on('error', (e) => errors.push(e.message));
    mbb.notifications.on('tetheringEntitlementCheck', () => undefined);
    await fake.notify(record(10));
    fake.clock.advance(10);
    await tick();
    expect(errors).toEqual([expect.stringContaining('device gone')]);
    await mbb.close();
  });
});
