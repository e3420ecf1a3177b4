import { describe, expect, it, vi } from 'vitest';
import { MobileBroadbandError, type Notification } from '../../lib/index.js';
import { connectFake, record, tick } from '../helpers.js';

describe('mbb.notifications delivery', () => {
  it('delivers typed events by name and to "notification"', async () => {
    const { fake, mbb } = await connectFake();
    const roaming = vi.fn();
    const all: string[] = [];
    mbb.notifications.on('registeredRoaming', roaming);
    mbb.notifications.on('notification', (n) => all.push(n.type));
    await fake.notify(record(8));
    await fake.notify(record(9));
    expect(roaming).toHaveBeenCalledTimes(1);
    expect(roaming.mock.calls[0]![0]).toMatchObject({
      type: 'registeredRoaming',
      messageType: 8,
      sequence: 1,
    });
    expect(all).toEqual(['registeredRoaming', 'registeredHome']);
    await mbb.close();
  });

  it('does not deliver asynchronously-injected records inside notify()', async () => {
    const { fake, mbb } = await connectFake();
    const seen = vi.fn();
    mbb.notifications.on('notification', seen);
    const delivered = fake.notify(record(9));
    expect(seen).not.toHaveBeenCalled();
    await delivered;
    expect(seen).toHaveBeenCalledTimes(1);
    await mbb.close();
  });

  it('notify() delivers the record as it was: later changes by the caller do not reach the app', async () => {
    const { fake, mbb } = await connectFake();
    const seen: Notification[] = [];
    mbb.notifications.on('notification', (n) => seen.push(n));
    const raw = { ...record(9), timestamp: 1_000 };
    const delivered = fake.notify(raw);
    Object.assign(raw, { messageType: 8, networkAccountId: 'changed', timestamp: 2_000 });
    await delivered;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: 'registeredHome',
      networkAccountId: record(9).networkAccountId,
    });
    expect(seen[0]!.timestamp.getTime()).toBe(1_000);
    expect(fake.recorded().at(-1)).toMatchObject({ messageType: 9, timestamp: 1_000 });
    await mbb.close();
  });

  it('notify() of a record whose field throws when read is ERR_INVALID_ARGUMENT', async () => {
    const { fake, mbb } = await connectFake();
    const hostile = {
      ...record(9),
      get origin(): 'system' {
        throw new Error('no reading me');
      },
    };
    expect(() => fake.notify(hostile)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }) as Error,
    );
    await mbb.close();
  });

  it('once() fires once and off() removes listeners, including once-wrapped ones', async () => {
    const { fake, mbb } = await connectFake();
    const once = vi.fn();
    const removed = vi.fn();
    mbb.notifications.once('registeredHome', once);
    mbb.notifications.once('registeredHome', removed);
    mbb.notifications.off('registeredHome', removed);
    await fake.notify(record(9));
    await fake.notify(record(9));
    expect(once).toHaveBeenCalledTimes(1);
    expect(removed).not.toHaveBeenCalled();
    expect(mbb.notifications.listenerCount('registeredHome')).toBe(0);
    await mbb.close();
  });

  it('a throwing listener does not stop other listeners or later events; the error is reported', async () => {
    const { fake, mbb } = await connectFake();
    const errors: MobileBroadbandError[] = [];
    const after = vi.fn();
    mbb.notifications.on('error', (e) => errors.push(e));
    mbb.notifications.on('registeredHome', () => {
      throw new Error('boom');
    });
    mbb.notifications.on('registeredHome', after);
    mbb.notifications.on('notification', after);
    await fake.notify(record(9));
    await fake.notify(record(9));
    expect(after).toHaveBeenCalledTimes(4);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(MobileBroadbandError);
    expect(errors[0]!.code).toBe('ERR_LISTENER_FAILED');
    expect(errors[0]!.message).toMatch(/registeredHome.*#1.*boom/);
    expect((errors[0]!.cause as Error).message).toBe('boom');
    await mbb.close();
  });

  it('an async listener that rejects is reported too', async () => {
    const { fake, mbb } = await connectFake();
    const errors: MobileBroadbandError[] = [];
    mbb.notifications.on('error', (e) => errors.push(e));
    mbb.notifications.on('registeredHome', async () => {
      await Promise.resolve();
      throw new Error('async boom');
    });
    await fake.notify(record(9));
    await tick();
    expect(errors.map((e) => e.code)).toEqual(['ERR_LISTENER_FAILED']);
    expect(errors[0]!.message).toContain('async boom');
    await mbb.close();
  });

  it('without an error listener, a listener failure becomes a process warning (never lost, no crash)', async () => {
    const { fake, mbb } = await connectFake();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      mbb.notifications.on('registeredHome', () => {
        throw new Error('nobody listens for errors');
      });
      await fake.notify(record(9));
      await tick();
      expect(warn).toHaveBeenCalledTimes(1);
      const warning = warn.mock.calls[0]![0] as MobileBroadbandError;
      expect(warning.code).toBe('ERR_LISTENER_FAILED');
      expect(warning.message).toContain('nobody listens for errors');
    } finally {
      warn.mockRestore();
    }
    await mbb.close();
  });

  it('an error listener that throws is reported as a process warning, not thrown again', async () => {
    const { fake, mbb } = await connectFake();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      mbb.notifications.on('error', () => {
        throw new Error('the error listener broke');
      });
      mbb.notifications.on('registeredHome', () => {
        throw new Error('first');
      });
      await fake.notify(record(9));
      await tick();
      const warning = warn.mock.calls[0]![0] as MobileBroadbandError;
      expect(warning.code).toBe('ERR_LISTENER_FAILED');
      expect(warning.message).toMatch(/'error' listener.*the error listener broke/);
    } finally {
      warn.mockRestore();
    }
    await mbb.close();
  });

  it('a listener that returns null (or any non-thenable) has not failed', async () => {
    const { fake, mbb } = await connectFake();
    const errors: MobileBroadbandError[] = [];
    mbb.notifications.on('error', (e) => errors.push(e));
    mbb.notifications.on('registeredHome', () => null);
    mbb.notifications.on('registeredHome', () => ({ then: 42 }));
    await fake.notify(record(9));
    await tick();
    expect(errors).toEqual([]);
    await mbb.close();
  });

  it('100 000 records injected in a burst arrive complete and in order', async () => {
    const { fake, mbb } = await connectFake();
    const sequences: number[] = [];
    const ids: string[] = [];
    mbb.notifications.on('notification', (n) => {
      sequences.push(n.sequence);
      ids.push(n.networkAccountId!);
    });
    const types = [9, 8, 6, 7, 3, 4];
    const sent: Promise<void>[] = [];
    for (let i = 0; i < 100_000; i++) {
      sent.push(fake.notify(record(types[i % types.length]!, { networkAccountId: `a${i}` })));
    }
    await Promise.all(sent);
    expect(ids).toHaveLength(100_000);
    expect(ids[0]).toBe('a0');
    expect(ids[99_999]).toBe('a99999');
    expect(ids.every((id, i) => id === `a${i}`)).toBe(true);
    expect(sequences.every((s, i) => s === i + 1)).toBe(true);
    await mbb.close();
  });

  it('rejects unknown event names and non-function listeners with typed errors', async () => {
    const { mbb } = await connectFake();
    expect(() => mbb.notifications.on('roaming' as 'notification', () => undefined)).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_ARGUMENT',
        message: expect.stringMatching(/Unknown notification event "roaming"/),
      }),
    );
    expect(() => mbb.notifications.on('registeredHome', 'nope' as never)).toThrow(
      /must be a function/,
    );
    await mbb.close();
  });

  it('subscribes to the backend on the first listener and unsubscribes on the last', async () => {
    const { fake, mbb } = await connectFake();
    expect(fake.notifications.subscribed).toBe(false);
    const a = vi.fn();
    const b = vi.fn();
    mbb.notifications.on('registeredHome', a);
    mbb.notifications.on('registeredRoaming', b);
    await tick();
    expect(fake.notifications.subscribed).toBe(true);
    mbb.notifications.off('registeredHome', a);
    await tick();
    expect(fake.notifications.subscribed).toBe(true);
    mbb.notifications.off('registeredRoaming', b);
    await tick();
    expect(fake.notifications.subscribed).toBe(false);
    // The error listener alone does not keep a subscription.
    mbb.notifications.on('error', () => undefined);
    await tick();
    expect(fake.notifications.subscribed).toBe(false);
    await mbb.close();
  });

  it('close() with listeners attached stops delivery, unsubscribes and refuses new listeners', async () => {
    const { fake, mbb } = await connectFake();
    const seen = vi.fn();
    mbb.notifications.on('notification', seen);
    await fake.notify(record(9));
    await mbb.close();
    expect(fake.notifications.subscribed).toBe(false);
    await expect(fake.notify(record(9))).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(() => mbb.notifications.on('registeredHome', seen)).toThrow(
      expect.objectContaining({ code: 'ERR_CLOSED' }),
    );
    // Closing again is harmless.
    await mbb.close();
  });

  it('a subscription failure is reported on "error"', async () => {
    const { fake, mbb } = await connectFake();
    vi.spyOn(fake.notifications, 'subscribe').mockRejectedValueOnce(
      new MobileBroadbandError('ERR_NOT_AUTHORIZED', 'no capability'),
    );
    const errors: MobileBroadbandError[] = [];
    mbb.notifications.on('error', (e) => errors.push(e));
    mbb.notifications.on('registeredHome', () => undefined);
    await tick();
    expect(errors.map((e) => e.code)).toEqual(['ERR_NOT_AUTHORIZED']);
    await mbb.close();
  });

  it('an overflow reported by the backend reaches "overflow" listeners with a running total', async () => {
    const { fake, mbb } = await connectFake();
    const seen: { discarded: number; total: number }[] = [];
    let sink: Parameters<typeof fake.notifications.subscribe>[0] | undefined;
    const original = fake.notifications.subscribe.bind(fake.notifications);
    vi.spyOn(fake.notifications, 'subscribe').mockImplementation((s) => ((sink = s), original(s)));
    mbb.notifications.on('overflow', (info) => seen.push(info));
    mbb.notifications.on('notification', () => undefined);
    await tick();
    sink!.overflow(5);
    sink!.overflow(2);
    expect(seen).toEqual([
      { discarded: 5, total: 5 },
      { discarded: 2, total: 7 },
    ]);
    expect(mbb.notifications.discarded).toBe(7);
    await mbb.close();
  });

  it('an overflow listener that throws is ERR_LISTENER_FAILED on error', async () => {
    const { fake, mbb } = await connectFake();
    let sink: Parameters<typeof fake.notifications.subscribe>[0] | undefined;
    const original = fake.notifications.subscribe.bind(fake.notifications);
    vi.spyOn(fake.notifications, 'subscribe').mockImplementation((s) => ((sink = s), original(s)));
    const errors: MobileBroadbandError[] = [];
    mbb.notifications.on('error', (e) => void errors.push(e));
    mbb.notifications.on('overflow', () => {
      throw Object.create(null);
    });
    mbb.notifications.on('notification', () => undefined);
    await tick();
    sink!.overflow(3);
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ['ERR_LISTENER_FAILED', "An 'overflow' listener failed: an object with a null prototype"],
    ]);
    await mbb.close();
  });

  it('an overflow without a listener becomes a process warning', async () => {
    const { fake, mbb } = await connectFake();
    let sink: Parameters<typeof fake.notifications.subscribe>[0] | undefined;
    const original = fake.notifications.subscribe.bind(fake.notifications);
    vi.spyOn(fake.notifications, 'subscribe').mockImplementation((s) => ((sink = s), original(s)));
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    mbb.notifications.on('notification', () => undefined);
    await tick();
    sink!.overflow(3);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('3 notifications were discarded'),
      expect.anything(),
    );
    warn.mockRestore();
    await mbb.close();
  });

  it('notifications are plain data: JSON round-trips them', async () => {
    const { fake, mbb } = await connectFake();
    let seen: Notification | undefined;
    mbb.notifications.on('ussd', (n) => void (seen = n));
    await fake.notify(record(2, { message: 'hi', encodingType: 15, messageDataSize: 2 }));
    expect(JSON.parse(JSON.stringify(seen))).toMatchObject({
      type: 'ussd',
      message: 'hi',
      encodingType: 15,
    });
    await mbb.close();
  });
});
