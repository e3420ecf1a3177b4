import { describe, expect, it } from 'vitest';
import { createFakeBackend, registrationStates } from '../../lib/fake/index.js';
import { listeningFake } from './fake-helpers.js';

describe('registration', () => {
  it('every registration on home raises registeredHome, roaming/partner registeredRoaming — every time', async () => {
    const { fake, types } = await listeningFake();
    for (const state of ['home', 'home', 'roaming', 'roaming', 'partner', 'home'] as const)
      await fake.register(state);
    expect(types()).toEqual([
      'registeredHome',
      'registeredHome',
      'registeredRoaming',
      'registeredRoaming',
      'registeredRoaming',
      'registeredHome',
    ]);
  });

  it('the other states raise nothing, and say so', async () => {
    const { fake, types } = await listeningFake();
    for (const state of ['none', 'deregistered', 'searching', 'denied'] as const) {
      const outcome = await fake.register(state);
      expect(outcome).toEqual({
        emitted: [],
        note: `registration '${state}' raises no notification on Windows`,
      });
    }
    expect(types()).toEqual([]);
    expect(registrationStates).toEqual([
      'none',
      'deregistered',
      'searching',
      'home',
      'roaming',
      'partner',
      'denied',
    ]);
  });

  it('an unknown state is a typed error listing the valid ones', async () => {
    const { fake } = await listeningFake();
    await expect(fake.register('abroad' as never)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
      message:
        'Unknown registration state "abroad"; expected one of none, deregistered, searching, home, roaming, partner, denied',
    });
  });

  it('records carry the account, interface and origin of the simulated modem', async () => {
    const { fake, seen } = await listeningFake({
      fake: { account: { networkAccountId: 'acct-42' } },
    });
    await fake.register('home');
    expect(seen[0]).toMatchObject({
      networkAccountId: 'acct-42',
      interfaceId: fake.account.interfaceId,
      origin: 'system',
    });
  });
});

describe('connection', () => {
  it('profileConnected / profileDisconnected on every transition, nothing otherwise', async () => {
    const { fake, types } = await listeningFake();
    await fake.register('home');
    await fake.connect();
    expect(await fake.connect()).toEqual({ emitted: [], note: 'already connected' });
    await fake.disconnect();
    expect(await fake.disconnect()).toEqual({ emitted: [], note: 'not connected' });
    await fake.connect();
    expect(types()).toEqual([
      'registeredHome',
      'profileConnected',
      'profileDisconnected',
      'profileConnected',
    ]);
  });

  it('cannot connect without a registration; losing it drops the connection', async () => {
    const { fake, types } = await listeningFake();
    await expect(fake.connect()).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
      message: expect.stringMatching(/registration is 'none'/),
    });
    await fake.register('roaming');
    await fake.connect();
    await fake.register('searching');
    expect(types()).toEqual(['registeredRoaming', 'profileConnected', 'profileDisconnected']);
    expect(fake.connected).toBe(false);
  });
});

describe('sleep and resume', () => {
  it('after resume the current registration and connection are announced again', async () => {
    const { fake, types, clear } = await listeningFake();
    await fake.register('roaming');
    await fake.connect();
    clear();
    await fake.sleep();
    await fake.resume();
    expect(types()).toEqual(['registeredRoaming', 'profileConnected']);
  });

  it('while asleep: registration changes are announced on resume, other controls refuse', async () => {
    const { fake, types } = await listeningFake();
    await fake.register('home');
    await fake.sleep();
    expect(await fake.register('roaming')).toMatchObject({
      emitted: [],
      note: expect.stringMatching(/announced on resume/),
    });
    await expect(fake.connect()).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
      message: expect.stringMatching(/asleep/),
    });
    await expect(fake.receiveUssd('hi')).rejects.toMatchObject({ code: 'ERR_INVALID_STATE' });
    await fake.resume();
    expect(types()).toEqual(['registeredHome', 'registeredRoaming']);
    expect(await fake.resume()).toEqual({ emitted: [], note: 'not asleep' });
  });

  it('an unregistered machine announces nothing on resume', async () => {
    const { fake, types } = await listeningFake();
    await fake.sleep();
    await fake.resume();
    expect(types()).toEqual([]);
  });
});

describe('observation', () => {
  it('recorded() has every record, whether or not the app listened', async () => {
    const { fake, mbb } = await listeningFake();
    mbb.notifications.removeAllListeners();
    await fake.register('home');
    await fake.register('roaming');
    expect(fake.recorded().map((r) => r.messageType)).toEqual([9, 8]);
    expect(fake.recorded()[0]!.timestamp).toBe(fake.clock.now());
  });

  it('recorded() keeps the latest recordLimit records (default 10 000), oldest first', async () => {
    const fake = createFakeBackend({ recordLimit: 3 });
    for (let i = 1; i <= 5; i++)
      await fake.notify({ messageType: 9, origin: 'system', networkAccountId: `a${i}` });
    expect(fake.recorded().map((r) => r.networkAccountId)).toEqual(['a3', 'a4', 'a5']);
    expect(fake.recordsDropped).toBe(2);
    const nothing = createFakeBackend({ recordLimit: 0 });
    await nothing.notify({ messageType: 9, origin: 'system' });
    expect(nothing.recorded()).toEqual([]);
    const everything = createFakeBackend({ recordLimit: Infinity });
    for (let i = 0; i < 10_005; i++) void everything.notify({ messageType: 9, origin: 'system' });
    await everything.settled();
    expect(everything.recorded()).toHaveLength(10_005);
    const byDefault = createFakeBackend();
    for (let i = 0; i < 10_005; i++) void byDefault.notify({ messageType: 9, origin: 'system' });
    await byDefault.settled();
    expect(byDefault.recorded()).toHaveLength(10_000);
    for (const limit of [-1, 1.5, NaN, '10', null]) {
      expect(() => createFakeBackend({ recordLimit: limit as number })).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      );
    }
  });

  it('modems: the account reflects registration, connection and usage', async () => {
    const { fake } = await listeningFake();
    await fake.register('home');
    await fake.connect();
    const [account] = await fake.modems.accounts();
    expect(account).toMatchObject({
      networkAccountId: fake.account.networkAccountId,
      network: { registrationState: 'home', registeredProviderName: 'Contoso' },
      connection: { connected: true, connectivityLevel: 'internetAccess' },
    });
    await expect(fake.modems.dataPlanStatus(fake.account.networkAccountId)).resolves.toEqual({
      usedBytes: 0,
      limitBytes: undefined,
      lastSyncTime: undefined,
      nextBillingCycle: undefined,
    });
    await expect(fake.modems.dataPlanStatus('other')).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
  });
});
