/** The public mbb.esim API beyond the conformance suite: listener bookkeeping, ref/unref, warnings. */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectFake, tick } from '../helpers.js';

const eid = '89049032123451234512345678901235';

describe('mbb.esim.watch()', () => {
  afterEach(() => void vi.restoreAllMocks());

  it('once() listeners run once; off() removes a once() listener by the original function', async () => {
    const { fake, mbb } = await connectFake();
    const watcher = mbb.esim.watch();
    const seen: string[] = [];
    watcher.once('added', (esim) => void seen.push(`once ${esim.id}`));
    const removed = (): void => void seen.push('removed listener');
    watcher.once('added', removed);
    watcher.off('added', removed);
    watcher.on('enumerationCompleted', () => void seen.push('enumerated'));
    await vi.waitFor(() => expect(seen).toContain('enumerated'));
    fake.esim.insert({ eid });
    fake.esim.insert({ eid: '89049032123451234512345678901236' });
    await vi.waitFor(() => expect(watcher.listenerCount('added')).toBe(0));
    expect(seen).toEqual(['enumerated', `once ${eid}`]);
    await mbb.close();
  });

  it('rejects unknown events and listeners that are not functions', async () => {
    const { mbb } = await connectFake();
    const watcher = mbb.esim.watch();
    expect(() => watcher.on('changed' as 'added', () => undefined)).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_ARGUMENT',
        message: expect.stringContaining('added'),
      }),
    );
    expect(() => watcher.on('added', 'nope' as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    await mbb.close();
  });

  it('reports a watcher Windows refuses on error', async () => {
    const { fake, mbb } = await connectFake();
    fake.esim.setAccess('notAuthorized');
    const watcher = mbb.esim.watch();
    const errors: string[] = [];
    watcher.on('error', (error) => void errors.push(error.code));
    watcher.on('added', () => undefined);
    await vi.waitFor(() => expect(errors).toEqual(['ERR_NOT_AUTHORIZED']));
    await mbb.close();
  });

  it('holds the process open while listening, unless unref()ed', async () => {
    const { mbb } = await connectFake();
    const watcher = mbb.esim.watch();
    const timers = (): number =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const listener = (): void => undefined;
    watcher.on('added', listener);
    expect(timers()).toBe(before + 1);
    watcher.unref();
    expect(timers()).toBe(before);
    watcher.ref();
    expect(timers()).toBe(before + 1);
    watcher.off('added', listener);
    expect(timers()).toBe(before);
    await mbb.close();
  });

  it('warns when events overflow and nobody listens for overflow', async () => {
    const { fake, mbb } = await connectFake();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    fake.esim.insert({ eid });
    fake.esim.setEventQueueLimit(2);
    const watcher = mbb.esim.watch();
    let updated = 0;
    watcher.on('updated', () => void updated++);
    await new Promise<void>((resolve) => watcher.once('enumerationCompleted', () => resolve()));
    fake.esim.burst(eid, 10);
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(updated).toBe(2);
    expect(watcher.discarded).toBe(8);
    expect(String(warn.mock.calls[0]![0])).toContain('8 eSIM events were discarded');
    await mbb.close();
  });

  it('watch() after mbb.close() is ERR_CLOSED', async () => {
    const { mbb } = await connectFake();
    await mbb.close();
    expect(() => mbb.esim.watch()).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
    await tick();
  });
});
