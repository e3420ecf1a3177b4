import { describe, expect, it } from 'vitest';
import type { Notification } from '../../lib/index.js';
import { connectFake, record, tick } from '../helpers.js';

describe('notifications.stream()', () => {
  it('yields notifications in order, filtered by type, and ends on abort', async () => {
    const { fake, mbb } = await connectFake();
    const controller = new AbortController();
    const stream = mbb.notifications.stream({
      types: ['registeredHome', 'registeredRoaming'],
      signal: controller.signal,
    });
    const seen: string[] = [];
    const consumer = (async () => {
      for await (const n of stream) {
        seen.push(`${n.type}#${n.sequence}`);
        if (seen.length === 3) controller.abort();
      }
      return 'ended';
    })();
    await fake.notify(record(9));
    await fake.notify(record(6));
    await fake.notify(record(8));
    await fake.notify(record(9));
    await fake.notify(record(8));
    await expect(consumer).resolves.toBe('ended');
    expect(seen).toEqual(['registeredHome#1', 'registeredRoaming#3', 'registeredHome#4']);
    await tick();
    expect(fake.notifications.subscribed).toBe(false);
    await mbb.close();
  });

  it('an already-aborted signal gives an empty stream', async () => {
    const { mbb } = await connectFake();
    const stream = mbb.notifications.stream({ signal: AbortSignal.abort() });
    await expect(stream.next()).resolves.toEqual({ value: undefined, done: true });
    await mbb.close();
  });

  it('breaking out of the loop detaches the stream', async () => {
    const { fake, mbb } = await connectFake();
    const consumer = (async () => {
      for await (const n of mbb.notifications.stream()) return n.type;
      return undefined;
    })();
    await fake.notify(record(9));
    await expect(consumer).resolves.toBe('registeredHome');
    await tick();
    expect(fake.notifications.subscribed).toBe(false);
    await mbb.close();
  });

  it('close() ends the stream', async () => {
    const { mbb } = await connectFake();
    const stream = mbb.notifications.stream();
    const next = stream.next();
    await mbb.close();
    await expect(next).resolves.toEqual({ value: undefined, done: true });
  });

  it('a consumer that falls behind gets its buffered notifications, then ERR_OVERFLOW', async () => {
    const { fake, mbb } = await connectFake();
    const stream = mbb.notifications.stream({ maxBuffered: 2 });
    for (let i = 0; i < 4; i++) void fake.notify(record(9));
    await fake.settled();
    const seen: Notification[] = [];
    await expect(
      (async () => {
        for await (const n of stream) seen.push(n);
      })(),
    ).rejects.toMatchObject({ code: 'ERR_OVERFLOW' });
    expect(seen.map((n) => n.sequence)).toEqual([1, 2]);
    await mbb.close();
  });

  it('takes an options object or nothing: anything else is ERR_INVALID_ARGUMENT', async () => {
    const { mbb } = await connectFake();
    for (const options of [null, 42, 'types', [] as unknown]) {
      expect(() => mbb.notifications.stream(options as never)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      );
    }
    await mbb.close();
  });

  it('rejects unknown types', async () => {
    const { mbb } = await connectFake();
    expect(() => mbb.notifications.stream({ types: ['bogus' as never] })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    expect(() => mbb.notifications.stream({ maxBuffered: 0 })).toThrow(/maxBuffered/);
    await mbb.close();
  });
});
