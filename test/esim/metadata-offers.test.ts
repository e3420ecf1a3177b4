import { describe, expect, it } from 'vitest';
import { MobileBroadbandError } from '../../lib/errors.js';
import { MetadataOffers } from '../../lib/esim/metadata-offers.js';

function offers(): { offers: MetadataOffers<string>; released: string[] } {
  const released: string[] = [];
  return { offers: new MetadataOffers<string>('test', (value) => released.push(value)), released };
}

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof MobileBroadbandError ? error.code : String(error);
  }
}

/** An install of `handle` that stays running until `finish()`. */
function installUntilFinished(
  o: MetadataOffers<string>,
  handle: string,
): { running: Promise<string>; finish: () => void } {
  let finish!: () => void;
  const running = o.use(
    handle,
    'install()',
    'install',
    () => new Promise((resolve) => (finish = () => resolve('success'))),
  );
  return { running, finish };
}

describe('MetadataOffers', () => {
  it('keeps the handle after a status the user can fix, spends it after any other', async () => {
    const { offers: o, released } = offers();
    const handle = o.add('a');
    expect(handle).toBe('test-1');
    expect(o.add('b')).toBe('test-2');
    await o.use(handle, 'install()', 'install', () => Promise.resolve('confirmationCodeMissing'));
    await o.use(handle, 'install()', 'install', () => Promise.resolve('incorrectConfirmationCode'));
    expect(released).toEqual([]);
    await o.use(handle, 'install()', 'install', () => Promise.resolve('success'));
    expect(released).toEqual(['a']);
    expect(
      await code(o.use(handle, 'install()', 'install', () => Promise.resolve('success'))),
    ).toBe('ERR_INVALID_STATE');
    expect(o.size).toBe(1);
  });

  it('a decline spends the handle whatever its status', async () => {
    const { offers: o, released } = offers();
    const handle = o.add('a');
    await o.use(handle, 'decline()', 'decline', () => Promise.resolve('confirmationCodeMissing'));
    expect(released).toEqual(['a']);
  });

  it('an abort keeps the handle, any other failure spends it', async () => {
    const { offers: o, released } = offers();
    const handle = o.add('a');
    const aborted = new MobileBroadbandError('ERR_ABORTED', 'aborted');
    expect(await code(o.use(handle, 'x()', 'install', () => Promise.reject(aborted)))).toBe(
      'ERR_ABORTED',
    );
    expect(released).toEqual([]);
    const failed = new MobileBroadbandError('ERR_WINDOWS', 'failed');
    expect(await code(o.use(handle, 'x()', 'decline', () => Promise.reject(failed)))).toBe(
      'ERR_WINDOWS',
    );
    expect(released).toEqual(['a']);
  });

  it('one use at a time; the message says which', async () => {
    const { offers: o } = offers();
    const handle = o.add('a');
    const { running, finish } = installUntilFinished(o, handle);
    const second = o.use(handle, 'install()', 'install', () => Promise.resolve('success'));
    await expect(second).rejects.toThrow(/already running; wait for it or abort it/);
    const decline = o.use(handle, 'decline()', 'decline', () => Promise.resolve('success'));
    await expect(decline).rejects.toThrow(/abort it before declining/);
    finish();
    expect(await running).toBe('success');
  });

  it('clear() releases each offer once, also one in use', async () => {
    const { offers: o, released } = offers();
    const handle = o.add('a');
    o.add('b');
    const { running, finish } = installUntilFinished(o, handle);
    o.clear();
    finish();
    await running;
    expect(released.sort()).toEqual(['a', 'b']);
    expect(o.size).toBe(0);
  });

  it('keeps at most its bound: the oldest offer not in use is released for a new one', async () => {
    const released: string[] = [];
    const o = new MetadataOffers<string>('test', (value) => released.push(value), 3);
    const first = o.add('a');
    const { running, finish } = installUntilFinished(o, first);
    o.add('b');
    o.add('c');
    const fourth = o.add('d'); // 'a' is in use: 'b' goes
    expect(released).toEqual(['b']);
    expect(o.size).toBe(3);
    await expect(
      o.use('test-2', 'install()', 'install', () => Promise.resolve('success')),
    ).rejects.toThrow(/unknown or spent.*3 newer downloads replaced it while unused/);
    finish();
    await running;
    expect(await o.use(fourth, 'install()', 'install', () => Promise.resolve('success'))).toBe(
      'success',
    );
  });

  it('when every kept offer is in use, a new one is released and refused with ERR_INVALID_STATE', async () => {
    const released: string[] = [];
    const o = new MetadataOffers<string>('test', (value) => released.push(value), 2);
    const installs = [o.add('a'), o.add('b')].map((h) => installUntilFinished(o, h));
    expect(() => o.add('c')).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_STATE',
        message: expect.stringMatching(/2 downloaded profiles/),
      }),
    );
    expect(released).toEqual(['c']);
    for (const install of installs) install.finish();
    await Promise.all(installs.map((i) => i.running));
    expect(o.size).toBe(0);
  });
});
