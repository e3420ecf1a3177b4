import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  connect,
  MobileBroadbandError,
  notSupported,
  systemClock,
  type Backend,
  type EsimBackend,
  type UssdBackend,
} from '../lib/index.js';
import { createFakeBackend } from '../lib/fake/index.js';

describe('connect()', () => {
  it('uses the fake off Windows', async () => {
    if (process.platform === 'win32') return;
    const mbb = await connect();
    expect(mbb.backendName).toBe('fake');
    await mbb.close();
  });

  it('takes any backend, and checks it has every part', async () => {
    const fake = createFakeBackend();
    const custom: Backend = {
      ...fake,
      name: 'mine',
      clock: fake.clock,
      notifications: fake.notifications,
      close: () => fake.close(),
    };
    const mbb = await connect({ backend: custom });
    expect(mbb.backendName).toBe('mine');
    await mbb.close();
    await expect(
      connect({ backend: { name: 'broken' } as unknown as Backend }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
      message: expect.stringMatching(
        /lacks notifications, esim, tethering, modems, ussd, provisioning, close\(\), clock/,
      ),
    });
    await expect(connect(null as never)).rejects.toBeInstanceOf(MobileBroadbandError);
  });

  it('a part a backend does not implement answers ERR_NOT_SUPPORTED, never undefined', async () => {
    const esim = notSupported<EsimBackend>('mine', 'esim', 'no eSIM here');
    await expect(esim.serviceInfo()).rejects.toMatchObject({
      code: 'ERR_NOT_SUPPORTED',
      message: 'The mine backend does not support esim.serviceInfo(): no eSIM here',
    });
    // Not mistaken for a promise by `await`.
    expect((esim as unknown as { then?: unknown }).then).toBeUndefined();
    const ussd = notSupported<UssdBackend>('mine', 'ussd');
    await expect(ussd.open('a')).rejects.toMatchObject({
      code: 'ERR_NOT_SUPPORTED',
    });
  });

  it('checks the derived polls: whole ms from 1 000 to a day', async () => {
    for (const derived of [
      { hotspotPollMs: 999 },
      { dataPlanPollMs: 1.5 },
      { hotspotPollMs: '5000' },
      'often',
    ]) {
      await expect(
        connect({ backend: createFakeBackend(), derived } as Parameters<typeof connect>[0]),
      ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT', message: /derived/ });
    }
    const mbb = await connect({
      backend: createFakeBackend(),
      derived: { hotspotPollMs: 1000, dataPlanPollMs: 86_400_000 },
    });
    await mbb.close();
  });

  it('system clock timers follow globalThis', () => {
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(1000);
  });
});

describe('ref() / unref()', () => {
  const script = (unref: boolean): string => `
    const { connect } = require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'index.js'))});
    connect().then((mbb) => {
      mbb.notifications.on('notification', () => {});
      ${unref ? 'mbb.notifications.unref();' : ''}
      console.log('listening');
    });`;

  function exitsWithin(ms: number, unref: boolean): Promise<boolean> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['-e', script(unref)], { stdio: 'ignore' });
      const timer = setTimeout(() => {
        child.kill();
        resolve(false);
      }, ms);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  it('a watching process stays alive while referenced', async () => {
    expect(await exitsWithin(1500, false)).toBe(false);
  });

  it('an unreferenced one exits', async () => {
    expect(await exitsWithin(5000, true)).toBe(true);
  });
});
