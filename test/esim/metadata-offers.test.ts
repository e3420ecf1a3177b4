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
});
