import { describe, expect, it } from 'vitest';
import { thresholdSteps } from '../../lib/fake/index.js';
import { fixture, listeningFake, MB, planXml } from './fake-helpers.js';

async function connectedFake(xml: string | undefined, state: 'home' | 'roaming' = 'home') {
  const setup = await listeningFake();
  if (xml !== undefined) await setup.fake.provision(xml);
  await setup.fake.register(state);
  await setup.fake.connect();
  setup.clear();
  return setup;
}

const thresholds = (types: string[]): number =>
  types.filter((t) => t === 'dataPlanThresholdReached').length;

describe('DataPlanThresholdReached (Windows 8.1+ rules)', () => {
  it('is off by default: no plan, no events however much is used', async () => {
    const { fake, types } = await connectedFake(undefined);
    const outcome = await fake.transfer(10 * 1024 * MB);
    expect(types()).toEqual([]);
    expect(outcome.note).toMatch(/notifications are off/);
    expect(fake.usage()).toEqual({ usedBytes: 10 * 1024 * MB, limitBytes: undefined });
  });

  it('is off when the plan does not enable it', async () => {
    const { fake, types } = await connectedFake(planXml(500, false));
    await fake.transfer(400 * MB);
    expect(types()).toEqual([]);
  });

  it('home with a limit: every 5 % of the limit (500 MB plan → 25 MB = 26 214 400 bytes)', async () => {
    const { fake, types } = await connectedFake(fixture('data-plan-threshold-sample.xml'));
    expect(fake.usage()).toEqual({ usedBytes: 0, limitBytes: 500 * MB });
    const step = 26_214_400;
    expect(thresholdSteps.homeLimitFraction * 500 * MB).toBe(step);
    await fake.transfer(step - 1);
    expect(thresholds(types())).toBe(0);
    await fake.transfer(1);
    expect(thresholds(types())).toBe(1);
    await fake.transfer(step - 1);
    expect(thresholds(types())).toBe(1);
    await fake.transfer(1);
    expect(thresholds(types())).toBe(2);
  });

  it('home without a limit: every 100 MB', async () => {
    const { fake, types } = await connectedFake(planXml(undefined, true));
    await fake.transfer(100 * MB - 1);
    expect(thresholds(types())).toBe(0);
    await fake.transfer(1);
    expect(thresholds(types())).toBe(1);
  });

  it('roaming: every 5 MB, the limit ignored', async () => {
    const { fake, types } = await connectedFake(planXml(500, true), 'roaming');
    await fake.transfer(5 * MB - 1);
    expect(thresholds(types())).toBe(0);
    await fake.transfer(1);
    expect(thresholds(types())).toBe(1);
    // A partner network counts as roaming too.
    await fake.register('partner');
    await fake.transfer(5 * MB);
    expect(thresholds(types())).toBe(2);
  });

  it('a big transfer crossing several steps gives one event, and the next step counts from it', async () => {
    const { fake, types } = await connectedFake(planXml(500, true));
    await fake.transfer(100 * MB); // four 25 MB steps at once
    expect(thresholds(types())).toBe(1);
    // The next step is 25 MB from 100 MB, not from 125 MB.
    await fake.transfer(25 * MB - 1);
    expect(thresholds(types())).toBe(1);
    await fake.transfer(1);
    expect(thresholds(types())).toBe(2);
  });

  it('the step follows the current network: from home steps to roaming steps', async () => {
    const { fake, types } = await connectedFake(planXml(500, true));
    await fake.transfer(20 * MB); // below 25 MB at home
    expect(thresholds(types())).toBe(0);
    await fake.register('roaming');
    await fake.transfer(0);
    expect(thresholds(types())).toBe(1); // 20 MB since the last event ≥ 5 MB abroad
  });

  it('transfers need a connection and valid byte counts', async () => {
    const { fake } = await listeningFake();
    await expect(fake.transfer(1)).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
      message: expect.stringMatching(/connect\(\) first/),
    });
    await fake.register('home');
    await fake.connect();
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60, '5 parsecs', null]) {
      await expect(fake.transfer(bad as number)).rejects.toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
      });
    }
    await fake.transfer('1.5MB');
    expect(fake.usage().usedBytes).toBe(1.5 * MB);
  });

  it('resetBillingCycle: usage back to zero and dataPlanReset', async () => {
    const { fake, types } = await connectedFake(planXml(500, true));
    await fake.transfer(30 * MB);
    await fake.resetBillingCycle();
    expect(types()).toEqual(['dataPlanThresholdReached', 'dataPlanReset']);
    expect(fake.usage().usedBytes).toBe(0);
    await fake.transfer(25 * MB);
    expect(thresholds(types())).toBe(2);
  });

  it('a billing cycle on the clock resets at each cycle end', async () => {
    const { fake, types } = await connectedFake(planXml(500, true));
    fake.setBillingCycle({ start: Date.UTC(2026, 0, 1), duration: 'P1M' });
    await fake.transfer(10 * MB);
    await fake.advance(Date.UTC(2026, 1, 1) - fake.clock.now() - 1);
    expect(types()).toEqual([]);
    await fake.advance(1);
    expect(types()).toEqual(['dataPlanReset']);
    expect(fake.usage().usedBytes).toBe(0);
    await fake.advance(Date.UTC(2026, 2, 1) - fake.clock.now());
    expect(types()).toEqual(['dataPlanReset', 'dataPlanReset']);
    expect(() => fake.setBillingCycle({ start: 0, duration: 'monthly' })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});

describe('plan expiry (DataPlanDeleted)', () => {
  it('deletes the profile: the connection drops and connect() fails until provisioned again', async () => {
    const { fake, types } = await connectedFake(planXml(500, true));
    const outcome = await fake.expirePlan();
    expect(outcome.emitted.map((r) => r.messageType)).toEqual([5, 7]);
    expect(types()).toEqual(['dataPlanDeleted', 'profileDisconnected']);
    expect(fake.connected).toBe(false);
    await expect(fake.connect()).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
      message: expect.stringMatching(/Provision the account again/),
    });
    await fake.provision(planXml(500, true));
    await fake.connect();
    expect(types().at(-1)).toBe('profileConnected');
  });

  it('without a connection only DataPlanDeleted is raised', async () => {
    const { fake, types } = await listeningFake();
    await fake.expirePlan();
    expect(types()).toEqual(['dataPlanDeleted']);
  });
});

describe('a provisioned billing cycle', () => {
  it('resets usage at each cycle end on the fake clock', async () => {
    const { fake, types, clear } = await listeningFake({
      fake: { startTime: Date.UTC(2026, 0, 30) },
    });
    await fake.provision(
      planXml(500, true).replace(
        '<Description PlanType="Fixed">',
        '<Description PlanType="Fixed"><BillingCycle StartDate="2026-01-01T00:00:00Z" Duration="P1M"/>',
      ),
    );
    await fake.register('home');
    await fake.connect();
    await fake.transfer(10 * MB);
    clear();
    await fake.advance(Date.UTC(2026, 1, 1) - fake.clock.now());
    expect(types()).toEqual(['dataPlanReset']);
    expect(fake.usage().usedBytes).toBe(0);
  });
});
