import { describe, expect, it } from 'vitest';
import { connect } from '../../lib/index.js';
import { createFakeBackend } from '../../lib/fake/index.js';

const code = 'LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815';

async function open(windowsBuild?: number) {
  const fake = createFakeBackend({ packaged: false, windowsBuild });
  const mbb = await connect({ backend: fake });
  return { fake, mbb };
}

describe('the eSIM doors that need no capability (Windows 11 24H2)', () => {
  it('openActivation opens lpa:<activation code>, even where eSIM management is refused', async () => {
    const { fake, mbb } = await open();
    await expect(mbb.esim.list()).rejects.toMatchObject({ code: 'ERR_NOT_AUTHORIZED' });
    await mbb.esim.openActivation(code);
    expect(fake.links.opened).toEqual(['lpa:1$smdp.example.com$04386-AGYFT-A74Y8-3F815']);
    await mbb.close();
  });

  it('a malformed code is refused before anything opens, its matching id never quoted', async () => {
    const { fake, mbb } = await open();
    const error = await mbb.esim
      .openActivation('LPA:9$smdp.example.com$SECRET-MATCHING-ID')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_INVALID_ACTIVATION_CODE' });
    expect((error as Error).message).not.toContain('SECRET-MATCHING-ID');
    expect(fake.links.opened).toEqual([]);
    await mbb.close();
  });

  it('requestDeviceIdentifiers opens ms-settings:cellular-id, with an https: callback encoded', async () => {
    const { fake, mbb } = await open();
    await mbb.esim.requestDeviceIdentifiers();
    await mbb.esim.requestDeviceIdentifiers({
      callbackUrl: 'https://portal.contoso.example/ids?eid={eid}&imei={imei}&make={make}',
    });
    expect(fake.links.opened).toEqual([
      'ms-settings:cellular-id',
      'ms-settings:cellular-id?callbackUrl=https%3A%2F%2Fportal.contoso.example%2Fids%3Feid%3D%7Beid%7D%26imei%3D%7Bimei%7D%26make%3D%7Bmake%7D',
    ]);
    await mbb.close();
  });

  it.each([
    ['http://portal.contoso.example/ids?eid={eid}', /only https: callbacks/],
    ['not a url', /is not a URL/],
    ['https://portal.contoso.example/ids?x={imsi}', /"\{imsi\}" is no placeholder/],
    [`https://portal.contoso.example/${'x'.repeat(3000)}`, /at most 2048 characters/],
  ])(
    'a bad callback (%s) is ERR_INVALID_ARGUMENT and opens nothing',
    async (callbackUrl, message) => {
      const { fake, mbb } = await open();
      await expect(mbb.esim.requestDeviceIdentifiers({ callbackUrl })).rejects.toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
        message: expect.stringMatching(message),
      });
      expect(fake.links.opened).toEqual([]);
      await mbb.close();
    },
  );

  it('an older Windows is ERR_NOT_SUPPORTED naming the build needed and the build running', async () => {
    const { fake, mbb } = await open(22631);
    for (const call of [
      () => mbb.esim.openActivation(code),
      () => mbb.esim.requestDeviceIdentifiers(),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'ERR_NOT_SUPPORTED',
        message: expect.stringMatching(/Windows 11 24H2 \(build 26100\).*build 22631/),
      });
    }
    expect(fake.links.opened).toEqual([]);
    await mbb.close();
  });
});
