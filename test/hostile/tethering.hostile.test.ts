/**
 * Hostile access points (issue 14, item 6): every bad value is a typed error before Windows is
 * called, the stored configuration stays as it was, and the passphrase never appears in a
 * message.
 */
import { describe, expect, it } from 'vitest';
import type { AccessPointConfiguration } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { createFakeBackend } from '../../lib/fake/fake-backend.js';

const secret = 'Sup3r-s3cret-passphrase';

async function setup() {
  const fake = createFakeBackend({ packaged: false });
  const mbb = await connect({ backend: fake });
  await mbb.tethering.configure({ ssid: 'Home', passphrase: secret });
  let configureCalls = 0;
  const original = fake.tethering.configureAccessPoint.bind(fake.tethering);
  fake.tethering.configureAccessPoint = (...args) => {
    configureCalls += 1;
    return original(...args);
  };
  return { fake, mbb, calls: () => configureCalls };
}

const cases: [string, unknown, string][] = [
  ['a 33-byte SSID', { ssid: 'x'.repeat(33) }, 'ERR_INVALID_ARGUMENT'],
  ['a 17-character SSID of 34 bytes', { ssid: 'é'.repeat(17) }, 'ERR_INVALID_ARGUMENT'],
  ['an empty SSID', { ssid: '' }, 'ERR_INVALID_ARGUMENT'],
  ['an SSID with control characters', { ssid: 'a\u001b[2Jb' }, 'ERR_INVALID_ARGUMENT'],
  ['a huge SSID', { ssid: 'x'.repeat(1 << 21) }, 'ERR_INVALID_ARGUMENT'],
  ['an SSID that is a number', { ssid: 42 }, 'ERR_INVALID_ARGUMENT'],
  ['a 7-character passphrase', { passphrase: 'abcdefg' }, 'ERR_INVALID_ARGUMENT'],
  ['a 64-character passphrase', { passphrase: 'p'.repeat(64) }, 'ERR_INVALID_ARGUMENT'],
  ['a huge passphrase', { passphrase: 'p'.repeat(1 << 21) }, 'ERR_INVALID_ARGUMENT'],
  ['a passphrase with a newline', { passphrase: 'abcd\nefghij' }, 'ERR_INVALID_ARGUMENT'],
  ['a non-ASCII WPA2 passphrase', { passphrase: 'pässwörter-123' }, 'ERR_INVALID_ARGUMENT'],
  ['an unknown band', { band: '60GHz' }, 'ERR_INVALID_ARGUMENT'],
  ['a band in Windows spelling', { band: 'fiveGigahertz' }, 'ERR_INVALID_ARGUMENT'],
  ['an unsupported band', { band: '6GHz' }, 'ERR_NOT_SUPPORTED'],
  ['an unknown authentication kind', { authenticationKind: 'wep' }, 'ERR_INVALID_ARGUMENT'],
  ['an unsupported authentication kind', { authenticationKind: 'wpa3' }, 'ERR_NOT_SUPPORTED'],
  ['null', null, 'ERR_INVALID_ARGUMENT'],
  ['an array', [], 'ERR_INVALID_ARGUMENT'],
];

describe('hostile access points', () => {
  for (const [name, change, code] of cases) {
    it(`${name}: ${code}, Windows not called, config untouched, no secret in the message`, async () => {
      const { mbb, calls } = await setup();
      const before = await mbb.tethering.accessPoint();
      const error = (await mbb.tethering
        .configure(change as Partial<AccessPointConfiguration>)
        .catch((e: unknown) => e)) as Error & { code?: string };
      expect(error).toMatchObject({ code });
      expect(error.message.length).toBeLessThan(400);
      expect(error.message).not.toContain(secret);
      expect(error.message).not.toContain(secret.slice(0, 6));
      const given = (change as { passphrase?: unknown } | null)?.passphrase;
      if (typeof given === 'string') expect(error.message).not.toContain(given.slice(0, 6));
      expect(calls()).toBe(0);
      expect(await mbb.tethering.accessPoint()).toEqual(before);
      await mbb.close();
    });
  }

  it('a hostile session configuration is rejected before start; the hotspot stays off', async () => {
    const { mbb } = await setup();
    await expect(mbb.tethering.start({ session: { passphrase: 'short' } })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(mbb.tethering.start({ session: { band: '6GHz' } })).rejects.toMatchObject({
      code: 'ERR_NOT_SUPPORTED',
    });
    expect((await mbb.tethering.status()).operationalState).toBe('off');
    await mbb.close();
  });

  it('a WPA3 passphrase may be non-ASCII when the adapter supports WPA3', async () => {
    const { fake, mbb } = await setup();
    fake.tethering.supportedAuthenticationKinds.add('wpa3');
    await mbb.tethering.configure({ authenticationKind: 'wpa3', passphrase: 'pässwörter-123' });
    expect((await mbb.tethering.accessPoint()).authenticationKind).toBe('wpa3');
    await mbb.close();
  });

  it('hostile arguments to the other methods are typed errors', async () => {
    const { mbb } = await setup();
    const calls: (() => Promise<unknown>)[] = [
      () => mbb.tethering.isBandSupported('x' as never),
      () => mbb.tethering.isAuthenticationKindSupported(null as never),
      () => mbb.tethering.start('nope' as never),
      () => mbb.tethering.stop([] as never),
    ];
    for (const call of calls)
      await expect(Promise.resolve().then(call)).rejects.toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
      });
    expect(() => mbb.tethering.forProfile(42 as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }) as Error,
    );
    await mbb.close();
  });
});
