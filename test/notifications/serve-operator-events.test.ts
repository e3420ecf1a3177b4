/**
 * serveOperatorEvents on the fake (the operator's app), its idle timer on the fake's virtual
 * clock: it ends only after idleMs without records and with no entitlement check waiting.
 */

import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../lib/fake/index.js';
import type { TetheringEntitlementCheckNotification } from '../../lib/notifications/notification.js';
import { serveOperatorEvents } from '../../lib/serve-operator-events.js';
import { record, tick } from '../helpers.js';

describe('serveOperatorEvents', () => {
  it('waits for a pending check, then ends after idleMs without records', async () => {
    const fake = createFakeBackend();
    const checks: TetheringEntitlementCheckNotification[] = [];
    let serving = false;
    let ended = false;
    const served = serveOperatorEvents({
      backend: fake,
      idleMs: 1000,
      idleClock: fake.clock,
      handler: (mbb) => {
        mbb.notifications.on('tetheringEntitlementCheck', (check) => void checks.push(check));
      },
      onServing: () => (serving = true),
    });
    void served.then(() => (ended = true));
    for (let i = 0; i < 100 && !serving; i++) await tick();
    expect(serving).toBe(true);
    await fake.notify(record(10));
    expect(checks).toHaveLength(1);
    // The check waits (its default comes after 10 s): serving goes on however long that is.
    fake.clock.advance(5000);
    await tick();
    expect(ended).toBe(false);
    await checks[0]!.authorize(true);
    fake.clock.advance(999);
    await tick();
    expect(ended).toBe(false);
    await fake.notify(record(8));
    fake.clock.advance(999);
    await tick();
    expect(ended).toBe(false);
    fake.clock.advance(1);
    expect(await served).toEqual({ delivered: 2, ended: 'idle' });
    expect(fake.notifications.subscribed).toBe(false);
  });

  it('ends at once when aborted', async () => {
    const controller = new AbortController();
    const fake = createFakeBackend();
    const served = serveOperatorEvents({
      backend: fake,
      idleClock: fake.clock,
      signal: controller.signal,
      onServing: () => controller.abort(),
    });
    expect(await served).toEqual({ delivered: 0, ended: 'aborted' });
  });

  it('rejects bad options and a throwing handler, closing the connection', async () => {
    await expect(
      serveOperatorEvents({ idleMs: -1, backend: createFakeBackend() }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(
      serveOperatorEvents({ handler: 'x' as never, backend: createFakeBackend() }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    const fake = createFakeBackend();
    await expect(
      serveOperatorEvents({
        backend: fake,
        handler: () => {
          throw new Error('handler broke');
        },
      }),
    ).rejects.toThrow('handler broke');
  });
});
