import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../lib/fake/index.js';
import { listeningFake } from './fake-helpers.js';

describe('tethering on the fake', () => {
  it("policy 'always': on at once, no entitlement check; state and clients raise 11 and 12", async () => {
    const { fake, types, seen } = await listeningFake();
    expect(await fake.requestTethering()).toEqual({
      status: 'success',
      additionalErrorMessage: '',
    });
    await fake.tethering.clientJoined('02:00:00:00:00:01', ['laptop']);
    await fake.tethering.clientJoined('02:00:00:00:00:02');
    await fake.tethering.clientLeft('02:00:00:00:00:01');
    expect(await fake.tethering.clients()).toEqual([
      { macAddress: '02:00:00:00:00:02', hostNames: [] },
    ]);
    await fake.tethering.stop();
    expect(types()).toEqual([
      'tetheringOperationalStateChanged',
      'tetheringNumberOfClientsChanged',
      'tetheringNumberOfClientsChanged',
      'tetheringNumberOfClientsChanged',
      'tetheringOperationalStateChanged',
      'tetheringNumberOfClientsChanged',
    ]);
    expect(
      seen.map((n) => ('state' in n ? n.state : 'clientCount' in n ? n.clientCount : undefined)),
    ).toEqual(['on', 1, 2, 1, 'off', 0]);
    expect(await fake.requestTethering()).toMatchObject({ status: 'success' });
    expect(await fake.requestTethering()).toMatchObject({ status: 'alreadyOn' });
  });

  it("policy 'never': refused, capability disabledByOperator, nothing raised", async () => {
    const { fake, types } = await listeningFake();
    fake.setTetheringPolicy('never');
    expect(await fake.requestTethering()).toEqual({
      status: 'entitlementCheckFailure',
      additionalErrorMessage: 'The operator does not allow tethering (AllowTethering is Never)',
    });
    expect((await fake.tethering.status()).capability).toBe('disabledByOperator');
    expect(types()).toEqual([]);
  });

  it("policy 'entitlementCheckRequired': the app's answer decides", async () => {
    const { fake, mbb, types } = await listeningFake();
    fake.setTetheringPolicy('entitlementCheckRequired');
    let allow = true;
    mbb.notifications.on('tetheringEntitlementCheck', (check) =>
      check.authorize(allow, 'No tethering on this plan'),
    );
    expect(await fake.requestTethering()).toEqual({
      status: 'success',
      additionalErrorMessage: '',
      entitlement: { entitlementCheckId: 'check-1', allow: true, reason: '' },
    });
    await fake.tethering.stop();
    allow = false;
    expect(await fake.requestTethering()).toMatchObject({
      status: 'entitlementCheckFailure',
      additionalErrorMessage: 'No tethering on this plan',
    });
    expect(types()).toEqual([
      'tetheringEntitlementCheck',
      'tetheringOperationalStateChanged',
      'tetheringOperationalStateChanged',
      'tetheringEntitlementCheck',
    ]);
  });

  it('no answer from the handlers: the default goes out after the timeout and is the outcome', async () => {
    const { fake, mbb } = await listeningFake({ entitlement: { timeoutMs: 10_000 } });
    fake.setTetheringPolicy('entitlementCheckRequired');
    mbb.notifications.on('tetheringEntitlementCheck', () => undefined); // a handler that never answers
    const outcome = fake.requestTethering();
    await fake.advance(9_999);
    expect(fake.entitlementAnswers()).toEqual([]);
    await fake.advance(1);
    expect(await outcome).toMatchObject({
      status: 'entitlementCheckFailure',
      additionalErrorMessage: 'No handler answered the tethering entitlement check within 10000 ms',
      entitlement: { allow: false },
    });
  });

  it('no operator app at all: Windows gives up after its own timeout', async () => {
    const fake = createFakeBackend(); // no operator app connected
    fake.setTetheringPolicy('entitlementCheckRequired');
    const outcome = fake.requestTethering();
    await fake.advance(fake.tethering.entitlementTimeoutMs);
    expect(await outcome).toMatchObject({ status: 'entitlementCheckTimeout' });
  });

  it('validates the policy, clients and access point; the passphrase never appears in errors', async () => {
    const { fake } = await listeningFake();
    expect(() => fake.setTetheringPolicy('sometimes' as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
    await expect(fake.tethering.clientJoined('02:00:00:00:00:01')).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
    });
    await fake.requestTethering();
    await expect(fake.tethering.clientJoined('not-a-mac')).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(fake.tethering.clientLeft('02:00:00:00:00:09')).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
    });
    const error = await fake.tethering
      .configureAccessPoint({ ssid: 'Mine', passphrase: 'short' })
      .catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    expect(String((error as Error).message)).not.toContain('short');
    await fake.tethering.configureAccessPoint({ ssid: 'Mine', passphrase: 'long enough secret' });
    expect(await fake.tethering.accessPoint()).toEqual({
      ssid: 'Mine',
      passphrase: 'long enough secret',
      band: 'auto',
    });
  });
});
