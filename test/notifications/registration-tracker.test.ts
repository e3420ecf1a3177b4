import { describe, expect, it } from 'vitest';
import { createRegistrationTracker, type RegistrationChange } from '../../lib/index.js';
import { connectFake, record } from '../helpers.js';

describe('createRegistrationTracker()', () => {
  it('home, roaming, roaming, roaming, home: the user is told twice', async () => {
    const { fake, mbb } = await connectFake();
    const tracker = createRegistrationTracker();
    const changes: RegistrationChange[] = [];
    tracker.watch(mbb.notifications, (c) => changes.push(c));
    for (const type of [9, 8, 8, 8, 9]) await fake.notify(record(type));
    expect(changes.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: 'home', to: 'roaming' },
      { from: 'roaming', to: 'home' },
    ]);
    expect(changes[0]!.notification.sequence).toBe(2);
    expect(changes[1]!.notification.sequence).toBe(5);
    expect(tracker.state('acct-1')).toBe('home');
    await mbb.close();
  });

  it('starting abroad is a change; starting at home is not (unless asked)', () => {
    const tracker = createRegistrationTracker();
    const at = (type: 8 | 9) =>
      tracker.update({
        type: type === 8 ? 'registeredRoaming' : 'registeredHome',
        messageType: type,
        origin: 'system',
        networkAccountId: 'a',
        interfaceId: undefined,
        timestamp: new Date(),
        sequence: 1,
      } as never);
    expect(at(8)).toMatchObject({ from: undefined, to: 'roaming' });
    const other = createRegistrationTracker({ announceInitialHome: true });
    expect(
      other.update({
        type: 'registeredHome',
        messageType: 9,
        origin: 'system',
        networkAccountId: 'a',
        interfaceId: undefined,
        timestamp: new Date(),
        sequence: 1,
      }),
    ).toMatchObject({ from: undefined, to: 'home' });
  });

  it('tracks each account on its own and restores a saved snapshot', async () => {
    const { fake, mbb } = await connectFake();
    const tracker = createRegistrationTracker({ initial: { 'acct-1': 'roaming' } });
    const changes: string[] = [];
    tracker.watch(mbb.notifications, (c) => changes.push(`${c.account}:${c.to}`));
    await fake.notify(record(8)); // still roaming: nothing new
    await fake.notify(record(8, { networkAccountId: 'acct-2' }));
    await fake.notify(record(9));
    expect(changes).toEqual(['acct-2:roaming', 'acct-1:home']);
    expect(tracker.snapshot()).toEqual({ 'acct-1': 'home', 'acct-2': 'roaming' });
    await mbb.close();
  });

  it('turns a stream into changes', async () => {
    const { fake, mbb } = await connectFake();
    const tracker = createRegistrationTracker();
    const controller = new AbortController();
    const changes: string[] = [];
    const consumer = (async () => {
      for await (const c of tracker.changes(
        mbb.notifications.stream({ signal: controller.signal }),
      )) {
        changes.push(c.to);
        if (changes.length === 2) controller.abort();
      }
    })();
    for (const type of [9, 8, 6, 8, 9]) await fake.notify(record(type));
    await consumer;
    expect(changes).toEqual(['roaming', 'home']);
    await mbb.close();
  });

  it('rejects a bad saved state', () => {
    expect(() => createRegistrationTracker({ initial: { a: 'abroad' as never } })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});
